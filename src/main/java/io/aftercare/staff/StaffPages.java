package io.aftercare.staff;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers a sign-in or invitation page as rendered HTML. The headers every page under {@code /app} carries (CSP, no
 * caching or framing) are set in configuration, {@code quarkus.http.filter.app.*}, so they cover redirects too.
 */
final class StaffPages {

    private StaffPages() {}

    static Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render())
                .build();
    }

    static Response ok(TemplateInstance page) {
        return html(200, page);
    }
}
