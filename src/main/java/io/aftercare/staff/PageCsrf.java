package io.aftercare.staff;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * CSRF protection for every form of the dashboard ({@code /app}): the double-submit cookie of OWASP's cheat sheet. A
 * page under {@code /app} hands out a random token in an HttpOnly, SameSite=Strict cookie and in its forms' hidden
 * field ({@code {inject:csrf.token}}, see {@link CsrfToken}); a POST, PUT, PATCH or DELETE under {@code /app} must carry
 * the same token in the field {@value #FIELD} (or the header {@value #HEADER}), or it is refused with 403.
 */
// Hand-written: quarkus-rest-csrf's filter cannot be limited to paths and refuses every form post without its cookie,
// Twilio's webhooks and `curl -d` on the API included (quarkusio/quarkus#53715; AuthenticationTest caught it).
class PageCsrf {

    static final String COOKIE = "aftercare-csrf";
    static final String FIELD = "csrf-token";
    static final String HEADER = "X-CSRF-Token";
    static final String TOKEN_KEY = "aftercare.csrf-token";
    private static final String NEW_COOKIE_KEY = "aftercare.csrf-new-cookie";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StaffSessions sessions;

    PageCsrf(StaffSessions sessions) {
        this.sessions = sessions;
    }

    @ServerRequestFilter
    @WithFormRead
    Response check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (!isPage(routing.normalizedPath())) {
            return null;
        }
        Cookie cookie = routing.request().getCookie(COOKIE);
        String expected = cookie == null ? null : cookie.getValue();
        if (SAFE.contains(routing.request().method())) {
            if (!wellFormed(expected)) {
                expected = newToken();
                routing.put(NEW_COOKIE_KEY, Boolean.TRUE);
            }
            routing.put(TOKEN_KEY, expected);
            return null;
        }
        String presented = request.getHeaderString(HEADER);
        if (presented == null && isForm(request.getMediaType())) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(FIELD, true, false);
            presented = field == null ? null : field.toString();
        }
        if (!wellFormed(expected) || presented == null || !constantTimeEquals(expected, presented)) {
            return Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("This form has expired or did not come from this site: reload the page and try again.")
                    .build();
        }
        routing.put(TOKEN_KEY, expected); // a form shown again (a refused password) keeps its token
        return null;
    }

    @ServerResponseFilter
    void handOut(ContainerResponseContext response, RoutingContext routing) {
        if (routing.get(NEW_COOKIE_KEY) == null) {
            return;
        }
        routing.response()
                .addCookie(Cookie.cookie(COOKIE, routing.get(TOKEN_KEY))
                        .setPath("/app")
                        .setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT)
                        .setSecure(sessions.secure(routing)));
    }

    static boolean isPage(String path) {
        return path != null && (path.equals("/app") || path.startsWith("/app/"));
    }

    private static boolean isForm(MediaType type) {
        return type != null
                && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    private static String newToken() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    private static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(PageCsrf::isBase64Url);
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static boolean constantTimeEquals(String expected, String presented) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
