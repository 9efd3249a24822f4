package io.aftercare.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The dashboard's refusals as pages of their own, never the API's JSON problem bodies. */
class DashboardErrors {

    private final DashboardScope scope;

    DashboardErrors(DashboardScope scope) {
        this.scope = scope;
    }

    @CheckedTemplate(basePath = "dashboard")
    static final class Pages {

        private Pages() {}

        static native TemplateInstance notFound();

        static native TemplateInstance forbidden();
    }

    @ServerExceptionMapper
    Response notFound(PageNotFound e) {
        return page(Response.Status.NOT_FOUND, Pages.notFound());
    }

    @ServerExceptionMapper
    Response forbidden(PageForbidden e) {
        return page(Response.Status.FORBIDDEN, Pages.forbidden());
    }

    @ServerExceptionMapper
    Response chooseClinic(ChooseClinic e) {
        return Response.seeOther(URI.create("/app/clinics")).build();
    }

    private Response page(Response.Status status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(scope.localized(page).render())
                .build();
    }
}
