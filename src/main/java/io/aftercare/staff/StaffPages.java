package io.aftercare.staff;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Answers a dashboard page: rendered HTML with the headers every page carries (no caching, framing or scripts yet). */
final class StaffPages {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private StaffPages() {}

    static Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render())
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .build();
    }

    static Response ok(TemplateInstance page) {
        return html(200, page);
    }
}
