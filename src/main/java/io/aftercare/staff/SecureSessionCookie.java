package io.aftercare.staff;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Marks the session cookie {@code Secure} whenever a page sets it, including Quarkus form authentication's own
 * renewals, which mark it so only on a TLS connection: behind a proxy that ends TLS the connection is plain HTTP.
 */
// Hand-written: form authentication has no setting for the Secure flag (quarkus.http.auth.form.*).
@ApplicationScoped
class SecureSessionCookie {

    private final StaffSessions sessions;
    private final boolean alwaysSecure;

    SecureSessionCookie(StaffSessions sessions, io.aftercare.config.AftercareConfig config) {
        this.sessions = sessions;
        this.alwaysSecure = config.staff().secureCookie();
    }

    void register(@Observes Router router) {
        if (alwaysSecure) {
            // Ahead of Quarkus' own handlers (security, REST), which all come later than order 0.
            router.route().order(-1000).handler(this::markSecure);
        }
    }

    private void markSecure(RoutingContext context) {
        if (PageCsrf.isPage(context.normalizedPath())) {
            context.addHeadersEndHandler(ignored -> {
                for (Cookie cookie : context.request().cookies(sessions.cookieName())) {
                    // Only cookies set by this response: the one the browser sent is not sent back.
                    if (cookie instanceof ServerCookie set && set.isChanged()) {
                        cookie.setSecure(true);
                    }
                }
            });
        }
        context.next();
    }
}
