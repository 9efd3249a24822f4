package io.aftercare.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.Sessions;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives the dashboard's forms as a browser would: the CSRF cookie and its hidden field, the session cookie. */
final class StaffForms {

    static final String SESSION = "aftercare-session";
    static final String CSRF = "aftercare-csrf";
    static final String CSRF_FIELD = "csrf-token";
    static final String PASSWORD = "correct horse battery";

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private StaffForms() {}

    /** A form page's CSRF token: the same value sits in its cookie and in its hidden field. */
    record Csrf(String cookie, String field) {}

    static Csrf csrfFrom(String path, Map<String, String> cookies) {
        ExtractableResponse<Response> page = given().cookies(cookies)
                .redirects()
                .follow(false)
                .get(path)
                .then()
                .statusCode(200)
                .extract();
        Matcher field = HIDDEN_CSRF.matcher(page.body().asString());
        assertThat(field.find()).as("the form carries a CSRF token").isTrue();
        String cookie = page.cookie(CSRF) != null ? page.cookie(CSRF) : cookies.get(CSRF);
        return new Csrf(cookie, field.group(1));
    }

    static Csrf csrfFrom(String path) {
        return csrfFrom(path, Map.of());
    }

    /** Invites a new clinic user with a fresh address; returns the invitation link's token. */
    static String invite(String email, String displayName) {
        String url = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType("application/json")
                .body(Map.of("email", email, "displayName", displayName, "role", "MANAGER"))
                .post("/v1/clinic/staff")
                .then()
                .statusCode(201)
                .extract()
                .path("invitationUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    static void setPassword(String token, String password) {
        Csrf csrf = csrfFrom("/app/set-password?token=" + token);
        given().cookie(CSRF, csrf.cookie())
                .formParam(CSRF_FIELD, csrf.field())
                .formParam("token", token)
                .formParam("password", password)
                .post("/app/set-password")
                .then()
                .statusCode(200);
    }

    /** A new user who has set {@link #PASSWORD}; returns their address. */
    static String newUser(String displayName) {
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        setPassword(invite(email, displayName), PASSWORD);
        return email;
    }

    /** Posts the sign-in form with its CSRF token; the answer is a redirect, with a session cookie on success. */
    static ExtractableResponse<Response> signIn(String email, String password) {
        Csrf csrf = csrfFrom("/app/sign-in");
        return given().cookie(CSRF, csrf.cookie())
                .formParam(CSRF_FIELD, csrf.field())
                .formParam("email", email)
                .formParam("password", password)
                .redirects()
                .follow(false)
                .post("/app/sign-in")
                .then()
                .statusCode(303)
                .extract();
    }

    static String sessionOf(String email) {
        String session = signIn(email, PASSWORD).cookie(SESSION);
        assertThat(session).as("a session cookie").isNotBlank();
        return session;
    }
}
