package io.aftercare.staff;

import static io.aftercare.support.StaffForms.CSRF;
import static io.aftercare.support.StaffForms.CSRF_FIELD;
import static io.aftercare.support.StaffForms.PASSWORD;
import static io.aftercare.support.StaffForms.SESSION;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.CapturedLog;
import io.aftercare.support.Sessions;
import io.aftercare.support.StaffForms;
import io.aftercare.support.TestClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@AftercareTest
class StaffSignInTest {

    @Inject
    TestClock clock;

    @Test
    void shouldSignInThroughAnInvitationAndShowTheDisplayName() {
        String email = "ana-" + UUID.randomUUID() + "@example.com";
        String link = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType("application/json")
                .body(Map.of("email", email, "displayName", "Ana Front Desk", "role", "STAFF"))
                .post("/v1/clinic/staff")
                .then()
                .statusCode(201)
                .extract()
                .path("invitationUrl");
        // 32 random bytes, base64url: well over 128 bits.
        assertThat(link).matches("http://[^/]+/app/invitation/[A-Za-z0-9_-]{43}");
        String token = link.substring(link.lastIndexOf('/') + 1);
        given().redirects()
                .follow(false)
                .get("/app/invitation/" + token)
                .then()
                .statusCode(303)
                .header("Location", containsString("/app/set-password?token=" + token));

        StaffForms.setPassword(token, PASSWORD);
        given().redirects()
                .follow(false)
                .get("/app/set-password?token=" + token)
                .then()
                .statusCode(410); // used up

        String session = StaffForms.signIn(email, PASSWORD).cookie(SESSION);
        given().cookie(SESSION, session)
                .redirects()
                .follow(false)
                .get("/app/today")
                .then()
                .statusCode(200)
                .body(containsString("Ana Front Desk"));
    }

    @Test
    void shouldRefuseAPasswordShorterThanTwelveCharacters() {
        String token = StaffForms.invite("short-" + UUID.randomUUID() + "@example.com", "Short");
        StaffForms.Csrf csrf = StaffForms.csrfFrom("/app/set-password?token=" + token);
        given().cookie(CSRF, csrf.cookie())
                .formParam(CSRF_FIELD, csrf.field())
                .formParam("token", token)
                .formParam("password", "elevenchars")
                .post("/app/set-password")
                .then()
                .statusCode(400)
                .body(containsString("at least 12 characters"));
    }

    @Test
    void shouldLockTheAccountAfterFiveWrongPasswordsEvenForTheRightOne() {
        String email = StaffForms.newUser("Lock Test");
        try (CapturedLog log = CapturedLog.start()) {
            for (int attempt = 1; attempt <= 4; attempt++) {
                StaffForms.signIn(email, "wrong password " + attempt)
                        .response()
                        .then()
                        .header("Location", endsWith("/app/sign-in?error=failed"));
            }
            StaffForms.signIn(email, "wrong password 5")
                    .response()
                    .then()
                    .header("Location", endsWith("/app/sign-in?error=locked"));

            var sixth = StaffForms.signIn(email, PASSWORD);
            assertThat(sixth.header("Location")).endsWith("/app/sign-in?error=locked");
            assertThat(sixth.cookie(SESSION)).isNull();

            String text = log.text();
            assertThat(text).contains("s…@example.com").contains("locked for 15 minutes");
            assertThat(text)
                    .doesNotContain("wrong password")
                    .doesNotContain(PASSWORD)
                    .doesNotContain(email);
        }
        // Fifteen minutes on, the right password works again.
        clock.setNow(clock.instant().plus(Duration.ofMinutes(16)));
        assertThat(StaffForms.signIn(email, PASSWORD).cookie(SESSION)).isNotBlank();
    }

    @Test
    void shouldRefuseAnExpiredInvitation() {
        String token = StaffForms.invite("late-" + UUID.randomUUID() + "@example.com", "Late");
        StaffForms.Csrf csrf = StaffForms.csrfFrom("/app/set-password?token=" + token);
        clock.setNow(clock.instant().plus(Duration.ofHours(72)).plusSeconds(60));
        given().get("/app/set-password?token=" + token).then().statusCode(410).body(containsString("no longer valid"));
        given().cookie(CSRF, csrf.cookie())
                .formParam(CSRF_FIELD, csrf.field())
                .formParam("token", token)
                .formParam("password", PASSWORD)
                .post("/app/set-password")
                .then()
                .statusCode(410);
    }

    @Test
    void shouldRefuseAFormPostWithoutItsCsrfToken() {
        String email = StaffForms.newUser("Csrf Test");
        given().formParam("email", email)
                .formParam("password", PASSWORD)
                .redirects()
                .follow(false)
                .post("/app/sign-in")
                .then()
                .statusCode(403)
                .header("Set-Cookie", not(containsString(SESSION)));
        // A token of the attacker's own, in the field, without the matching cookie.
        StaffForms.Csrf theirs = StaffForms.csrfFrom("/app/sign-in");
        given().formParam(CSRF_FIELD, theirs.field())
                .formParam("email", email)
                .formParam("password", PASSWORD)
                .redirects()
                .follow(false)
                .post("/app/sign-in")
                .then()
                .statusCode(403);
        String session = StaffForms.sessionOf(email);
        given().cookie(SESSION, session)
                .contentType("application/x-www-form-urlencoded")
                .redirects()
                .follow(false)
                .post("/app/sign-out")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldMarkTheSessionCookieHttpOnlyAndSameSiteStrictForThePagesOnly() {
        String email = StaffForms.newUser("Cookie Test");
        String setCookie = StaffForms.signIn(email, PASSWORD).headers().getValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(SESSION + "="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(setCookie).contains("Path=/app");
        assertThat(setCookie).doesNotContain(email);
    }

    @Test
    void shouldNotLetASessionCookieReachTheApi() {
        String session = StaffForms.sessionOf(StaffForms.newUser("Api Test"));
        given().cookie(SESSION, session).get("/v1/clinic").then().statusCode(401);
        given().cookie(SESSION, session).get("/admin/v1/clinics").then().statusCode(401);
    }

    @Test
    void shouldNotShowThePagesToAnApiKey() {
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .redirects()
                .follow(false)
                .get("/app/today")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/app/sign-in"));
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .redirects()
                .follow(false)
                .get("/app/today")
                .then()
                .statusCode(303);
    }

    @Test
    void shouldEndTheSessionOnSignOut() {
        String session = StaffForms.sessionOf(StaffForms.newUser("Sign Out Test"));
        StaffForms.Csrf csrf = StaffForms.csrfFrom("/app/today", Map.of(SESSION, session));
        var signedOut = given().cookie(SESSION, session)
                .cookie(CSRF, csrf.cookie())
                .formParam(CSRF_FIELD, csrf.field())
                .redirects()
                .follow(false)
                .post("/app/sign-out")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/app/sign-in"))
                .extract();
        assertThat(signedOut.headers().getValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith(SESSION + "=;").containsIgnoringCase("Max-Age=0"));
        // A copy of the cookie kept elsewhere is void too.
        given().cookie(SESSION, session)
                .redirects()
                .follow(false)
                .get("/app/today")
                .then()
                .statusCode(303)
                .header("Location", matchesPattern(".*/app/sign-in$"));
    }

    @Test
    void shouldNotSignInThroughQuarkusOwnFormPost() {
        String email = StaffForms.newUser("Bypass Test");
        var answer = given().formParam("j_username", email)
                .formParam("j_password", PASSWORD)
                .redirects()
                .follow(false)
                .post("/app/j_security_check")
                .then()
                .statusCode(oneOf(302, 303))
                .header("Location", containsString("/app/sign-in"))
                .extract();
        assertThat(answer.cookie(SESSION)).isNull();
    }
}
