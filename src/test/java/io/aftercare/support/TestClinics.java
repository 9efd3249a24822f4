package io.aftercare.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh clinics made through the admin API, and what tests post as them: a test that owns its clinic sees no other
 * test's clients, endpoints, keys or settings (the shared test clinic gathers them from every test).
 */
public final class TestClinics {

    /** A new clinic: its id, its unique name, and its first API key and that key's id. */
    public record Clinic(UUID id, String name, String key, UUID keyId) {}

    private TestClinics() {}

    public static Clinic create() {
        return create("Test Clinic");
    }

    /** A clinic named {@code name} followed by a random suffix, so that no other test's clinic has its name. */
    public static Clinic create(String name) {
        String unique = name + " " + UUID.randomUUID();
        ExtractableResponse<Response> created = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", unique, "timeZone", "America/Vancouver", "locale", "en", "region", "CA"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201)
                .extract();
        return new Clinic(
                UUID.fromString(created.path("clinic.id")),
                unique,
                created.path("apiKey.key"),
                UUID.fromString(created.path("apiKey.id")));
    }

    /** Registers a webhook endpoint through the clinic's API; answers the 201's body (id, secret...). */
    public static ExtractableResponse<Response> registerWebhook(Clinic clinic, String url, List<String> events) {
        return given().auth()
                .oauth2(clinic.key())
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", events))
                .post("/v1/clinic/webhooks")
                .then()
                .statusCode(201)
                .extract();
    }

    /** Posts a session for a new client of the clinic, ended two hours ago; answers the clinic's id for the client. */
    public static String client(Clinic clinic, String firstName, String lastName, String phone) {
        String clientId = "client-" + UUID.randomUUID();
        session(
                clinic,
                clientId,
                firstName,
                lastName,
                phone,
                OffsetDateTime.now().minusHours(2));
        return clientId;
    }

    /** Posts a session ended at {@code ended} for the clinic's client with this id; answers the session's id. */
    public static UUID session(
            Clinic clinic, String clientId, String firstName, String lastName, String phone, OffsetDateTime ended) {
        Map<String, Object> session = Sessions.post(ended);
        Map<String, Object> client = Sessions.client(session);
        client.put("id", clientId);
        client.put("firstName", firstName);
        client.put("lastName", lastName);
        client.put("phone", phone);
        return post(clinic, session);
    }

    /** Posts this session body as the clinic; answers the session's id. */
    public static UUID post(Clinic clinic, Map<String, Object> session) {
        return UUID.fromString(given().auth()
                .oauth2(clinic.key())
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    /** A Vancouver mobile number ending with these four digits, unlikely to be any other test's. */
    public static String numberEndingWith(String lastFour) {
        return "+1604" + ThreadLocalRandom.current().nextInt(200, 1000) + lastFour;
    }

    /** Erases the client; while its first text is on its way the API answers 409, and the erasure is tried again. */
    public static void erase(Clinic clinic, String clientId) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> given().auth()
                                .oauth2(clinic.key())
                                .delete("/v1/clients/" + clientId)
                                .statusCode()
                        == 200);
    }
}
