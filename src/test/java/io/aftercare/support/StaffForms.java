package io.aftercare.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives the dashboard's forms as a browser would: the CSRF cookie and its hidden field, the session cookie. */
public final class StaffForms {

    public static final String SESSION = "aftercare-session";
    public static final String CSRF = "aftercare-csrf";
    public static final String CSRF_FIELD = "csrf-token";
    public static final String PASSWORD = "correct horse battery";

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private StaffForms() {}

    /** A form page's CSRF token: the same value sits in its cookie and in its hidden field. */
    public record Csrf(String cookie, String field) {}

    public static Csrf csrfFrom(String path, Map<String, String> cookies) {
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

    public static Csrf csrfFrom(String path) {
        return csrfFrom(path, Map.of());
    }

    /** Invites a new clinic manager with a fresh address; returns the invitation link's token. */
    public static String invite(String email, String displayName) {
        return invite(email, displayName, "MANAGER");
    }

    /** Invites a new clinic user ({@code STAFF} or {@code MANAGER}); returns the invitation link's token. */
    public static String invite(String email, String displayName, String role) {
        String url = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType("application/json")
                .body(Map.of("email", email, "displayName", displayName, "role", role))
                .post("/v1/clinic/staff")
                .then()
                .statusCode(201)
                .extract()
                .path("invitationUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    public static void setPassword(String token, String password) {
        Csrf csrf = csrfFrom("/app/set-password?token=" + token);
        given().cookie(CSRF, csrf.cookie())
                .formParam(CSRF_FIELD, csrf.field())
                .formParam("token", token)
                .formParam("password", password)
                .post("/app/set-password")
                .then()
                .statusCode(200);
    }

    /** A new manager of the test clinic who has set {@link #PASSWORD}; returns their address. */
    public static String newUser(String displayName) {
        return newUser(displayName, "MANAGER");
    }

    /** A new user of the test clinic ({@code STAFF} or {@code MANAGER}) who has set {@link #PASSWORD}. */
    public static String newUser(String displayName, String role) {
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        setPassword(invite(email, displayName, role), PASSWORD);
        return email;
    }

    /**
     * Posts a dashboard form as the signed-in user: the CSRF token comes from {@code formPage} (a GET page under
     * /app), as a browser's would. Redirects are not followed, so the caller sees the 303 or the refusal.
     */
    public static ExtractableResponse<Response> post(
            String path, String session, String formPage, Map<String, String> form) {
        Csrf csrf = csrfFrom(formPage, Map.of(SESSION, session));
        return given().cookie(SESSION, session)
                .cookie(CSRF, csrf.cookie())
                .formParams(form)
                .formParam(CSRF_FIELD, csrf.field())
                .redirects()
                .follow(false)
                .post(path)
                .then()
                .extract();
    }

    /** Posts the sign-in form with its CSRF token; the answer is a redirect, with a session cookie on success. */
    public static ExtractableResponse<Response> signIn(String email, String password) {
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

    public static String sessionOf(String email) {
        String session = signIn(email, PASSWORD).cookie(SESSION);
        assertThat(session).as("a session cookie").isNotBlank();
        return session;
    }
}
