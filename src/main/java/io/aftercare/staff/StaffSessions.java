package io.aftercare.staff;

import io.aftercare.config.AftercareConfig;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes and clears the dashboard's session cookie. The cookie is Quarkus form authentication's own (AES-GCM encrypted
 * user id and expiry, renewed while in use and void after {@code quarkus.http.auth.form.timeout} idle), made with the
 * same key and settings so that form authentication reads it on every page. Signing in happens in
 * {@link SignInResource} rather than at Quarkus' {@code j_security_check}, which no CSRF filter sees: the sign-in form
 * is a REST form like every other, checked by {@link PageCsrf}.
 */
@ApplicationScoped
class StaffSessions {

    private final Optional<PersistentLoginManager> cookies;
    private final String cookieName;
    private final String cookiePath;
    private final boolean alwaysSecure;

    StaffSessions(
            @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> encryptionKey,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-path") String cookiePath,
            @ConfigProperty(name = "quarkus.http.auth.form.timeout") Duration timeout,
            @ConfigProperty(name = "quarkus.http.auth.form.new-cookie-interval") Duration newCookieInterval,
            AftercareConfig config) {
        this.cookieName = cookieName;
        this.cookiePath = cookiePath;
        this.alwaysSecure = config.staff().secureCookie();
        // Without a configured key, Quarkus encrypts with a key of its own that this class cannot know: no sign-in.
        this.cookies = encryptionKey
                .filter(key -> !key.isBlank())
                .map(key -> new PersistentLoginManager(
                        key,
                        cookieName,
                        timeout.toMillis(),
                        newCookieInterval.toMillis(),
                        true,
                        CookieSameSite.STRICT.name(),
                        cookiePath,
                        -1,
                        null));
    }

    /** Whether sessions can be made: {@code quarkus.http.auth.session.encryption-key} is set. */
    boolean enabled() {
        return cookies.isPresent();
    }

    void start(SessionPrincipal session, RoutingContext context) {
        cookies.orElseThrow(() -> new IllegalStateException("quarkus.http.auth.session.encryption-key is not set"))
                .save(session.encode(), context, cookieName, null, secure(context));
    }

    /** Tells the browser to drop the cookie ({@link StaffAccounts#signOut} voids copies of it kept elsewhere). */
    void end(RoutingContext context) {
        context.response()
                .addCookie(Cookie.cookie(cookieName, "")
                        .setPath(cookiePath)
                        .setMaxAge(0)
                        .setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT)
                        .setSecure(secure(context)));
    }

    String cookieName() {
        return cookieName;
    }

    boolean secure(RoutingContext context) {
        return alwaysSecure || context.request().isSSL();
    }
}
