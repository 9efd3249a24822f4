package io.aftercare.dashboard.settings;

import io.aftercare.dashboard.ClinicTimes;
import io.aftercare.dashboard.DashboardScope;
import io.aftercare.dashboard.PageForbidden;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;

/** What every Settings page does alike: who may see it, and how it is answered. */
final class SettingsPages {

    private SettingsPages() {}

    /** Managers read and change Settings, operator users only read them; a clinic's other staff may not see them. */
    static void requireReader(DashboardScope scope) {
        if (!scope.isManager() && !scope.isOperator()) {
            throw new PageForbidden();
        }
    }

    /** The Settings words in the page's language, for those a resource picks (a field's error, a delivery's state). */
    static SettingsLabels labels(DashboardScope scope) {
        return MessageBundles.get(
                SettingsLabels.class, new Localized.Literal(scope.locale().getLanguage()));
    }

    /** The page rendered in the user's language, with its status (422 or 409 for a form shown again). */
    static Response html(DashboardScope scope, int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(scope.localized(page).render())
                .build();
    }

    static Response ok(DashboardScope scope, TemplateInstance page) {
        return html(scope, 200, page);
    }

    /**
     * A page holding a secret shown this once (a new key, a webhook secret): rendered as the POST's own answer, never
     * a redirect to a page that could show it again, and never stored by the browser or a proxy.
     */
    static Response secret(DashboardScope scope, TemplateInstance page) {
        return Response.ok(scope.localized(page).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** POST, then redirect, then GET: reloading the page does not post the form again. */
    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** An instant as the clinic reads it; null stays null. */
    static ClinicTimes.ShownTime time(DashboardScope scope, Instant at) {
        return at == null ? null : ClinicTimes.format(at, scope.clinicZone(), null, scope.locale());
    }
}
