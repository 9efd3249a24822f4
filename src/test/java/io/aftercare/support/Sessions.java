package io.aftercare.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds session posts for tests; every call starts from a valid post with fresh ids. */
public final class Sessions {

    public static final String CLINIC_KEY = "test-clinic-key-0123456789abcdef0123456789";
    public static final String ADMIN_KEY = "test-admin-key-0123456789abcdef0123456789";

    private Sessions() {}

    public static Map<String, Object> post(OffsetDateTime endedAt) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("id", "client-" + UUID.randomUUID());
        client.put("firstName", "Sam");
        client.put("lastName", "Lee");
        client.put("phone", "+1 604 555 0123");
        client.put("timeZone", "America/Vancouver");
        client.put("locale", "en");
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("sessionId", "session-" + UUID.randomUUID());
        session.put("client", client);
        session.put("endedAt", endedAt.toString());
        session.put("sessionNumber", 1);
        session.put("finalSession", false);
        session.put("kind", "TREATMENT");
        return session;
    }

    /** Posts a valid session, ended at {@code ended}, for a client with this number; answers the session's id. */
    public static String postFor(String phone, OffsetDateTime ended) {
        return postFor(CLINIC_KEY, phone, ended);
    }

    /** The same, as the clinic with this API key. */
    public static String postFor(String clinicKey, String phone, OffsetDateTime ended) {
        Map<String, Object> session = post(ended);
        client(session).put("phone", phone);
        return given().auth()
                .oauth2(clinicKey)
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The {@code index}-th text of a session, as the clinic reads it. */
    public static ValidatableResponse reminder(String sessionId, int index) {
        return given().auth()
                .oauth2(CLINIC_KEY)
                .get("/v1/sessions/" + sessionId)
                .then()
                .statusCode(200)
                .rootPath("reminders[" + index + "]");
    }

    /** Sets the test clinic's own wording of a step in a language; the answer is the API's, whatever its status. */
    public static ValidatableResponse putTemplate(String step, String language, String template) {
        return given().auth()
                .oauth2(CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("template", template))
                .when()
                .put("/v1/clinic/templates/" + step + "/" + language)
                .then();
    }

    /**
     * Replaces the test clinic's settings; {@code null} quiet hours turn them off. Retention and transliteration are
     * left out, so they go back to a new clinic's.
     */
    public static void settings(Map<String, String> quietHours, List<String> optionalSteps) {
        Map<String, Object> body = new HashMap<>();
        body.put("quietHours", quietHours);
        body.put("optionalSteps", optionalSteps);
        given().auth()
                .oauth2(CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/v1/clinic/settings")
                .then()
                .statusCode(200);
    }

    /** A new clinic's settings, but with texts transliterated or not. */
    public static void transliteration(boolean on) {
        Map<String, Object> body = new HashMap<>();
        body.put("quietHours", Map.of("start", "21:00", "end", "08:00"));
        body.put("optionalSteps", List.of());
        body.put("smsTransliteration", on);
        given().auth()
                .oauth2(CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/v1/clinic/settings")
                .then()
                .statusCode(200);
    }

    /** Back to a new clinic's settings: quiet from 21:00 to 08:00, no optional step, texts transliterated. */
    public static void defaultSettings() {
        settings(Map.of("start", "21:00", "end", "08:00"), List.of());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> client(Map<String, Object> session) {
        return (Map<String, Object>) session.get("client");
    }
}
