package io.aftercare.staff;

import static io.aftercare.support.StaffForms.SESSION;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.StaffForms;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The idle timeout, without waiting for it. Form authentication keeps the session's expiry inside the encrypted cookie
 * and compares it with the system clock (not the application's {@code Clock}, which tests move), so this test reads
 * and writes that cookie with the configured key, as Quarkus' {@code PersistentLoginManager} does: sign-in writes an
 * expiry 30 minutes ahead; a cookie past its expiry is refused; one used before its expiry is renewed for another 30
 * minutes. What it cannot show is the wait itself: it relies on the cookie's format staying Quarkus' (AES-GCM over
 * {@code <expiry millis>:<principal>}), which this test would notice changing.
 */
@AftercareTest
class StaffSessionTimeoutTest {

    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);

    @Test
    void shouldConfigureAThirtyMinuteIdleTimeout() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.http.auth.form.timeout", Duration.class))
                .isEqualTo(IDLE_TIMEOUT);
    }

    @Test
    void shouldWriteTheIdleTimeoutIntoTheSessionCookieAtSignIn() {
        String email = StaffForms.newUser("Timeout Test");
        long before = System.currentTimeMillis();
        String cookie = StaffForms.signIn(email, StaffForms.PASSWORD).cookie(SESSION);
        long after = System.currentTimeMillis();

        Content content = decrypt(cookie);
        assertThat(content.expiresAt()).isBetween(before + IDLE_TIMEOUT.toMillis(), after + IDLE_TIMEOUT.toMillis());
        assertThat(content.principal()).matches("[0-9a-f-]{36}:\\d+").doesNotContain(email);
    }

    @Test
    void shouldRefuseASessionIdleForLongerThanTheTimeout() {
        String principal = decrypt(StaffForms.sessionOf(StaffForms.newUser("Idle Too Long")))
                .principal();
        String idleTooLong = encrypt(new Content(System.currentTimeMillis() - 1_000, principal));

        today(idleTooLong).statusCode(303).header("Location", endsWith("/app/sign-in"));
    }

    @Test
    void shouldRenewASessionUsedBeforeItsTimeoutForAnotherFullTimeout() {
        String principal = decrypt(StaffForms.sessionOf(StaffForms.newUser("Idle Not Long")))
                .principal();
        // Idle for 29 of its 30 minutes.
        String almostOver = encrypt(new Content(System.currentTimeMillis() + 60_000, principal));

        long before = System.currentTimeMillis();
        ExtractableResponse<Response> page = today(almostOver).statusCode(200).extract();
        long after = System.currentTimeMillis();

        Content renewed = decrypt(page.cookie(SESSION));
        assertThat(renewed.principal()).isEqualTo(principal);
        assertThat(renewed.expiresAt()).isBetween(before + IDLE_TIMEOUT.toMillis(), after + IDLE_TIMEOUT.toMillis());
    }

    @Test
    void shouldNotRenewAFreshSessionOnEveryRequest() {
        String cookie = StaffForms.sessionOf(StaffForms.newUser("Fresh Session"));
        List<String> setCookies =
                today(cookie).statusCode(200).extract().headers().getValues("Set-Cookie");
        // quarkus.http.auth.form.new-cookie-interval (1 minute) has not passed.
        assertThat(setCookies).noneMatch(setCookie -> setCookie.startsWith(SESSION + "="));
    }

    private record Content(long expiresAt, String principal) {}

    private static Content decrypt(String cookie) {
        try {
            ByteBuffer message = ByteBuffer.wrap(Base64.getDecoder().decode(cookie));
            byte[] iv = new byte[message.get()];
            message.get(iv);
            byte[] encrypted = new byte[message.remaining()];
            message.get(encrypted);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            String plain = new String(cipher.doFinal(encrypted), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            return new Content(Long.parseLong(plain.substring(0, colon)), plain.substring(colon + 1));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("The session cookie is not form authentication's, under the configured key", e);
        }
    }

    private static String encrypt(Content content) {
        try {
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            byte[] encrypted =
                    cipher.doFinal((content.expiresAt() + ":" + content.principal()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(1 + iv.length + encrypted.length)
                            .put((byte) iv.length)
                            .put(iv)
                            .put(encrypted)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // As PersistentLoginManager derives it: the SHA-256 of the configured key.
    private static SecretKeySpec key() throws GeneralSecurityException {
        String configured =
                ConfigProvider.getConfig().getValue("quarkus.http.auth.session.encryption-key", String.class);
        return new SecretKeySpec(
                MessageDigest.getInstance("SHA-256").digest(configured.getBytes(StandardCharsets.UTF_8)), "AES");
    }

    /** The dashboard's first page as the holder of this session cookie sees it, redirects not followed. */
    private static ValidatableResponse today(String session) {
        return given().cookie(SESSION, session)
                .redirects()
                .follow(false)
                .get("/app/today")
                .then();
    }
}
