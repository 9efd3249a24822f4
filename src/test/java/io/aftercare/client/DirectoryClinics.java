package io.aftercare.client;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.aftercare.support.Sessions;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh clinics and their clients for the directory's tests, so that what one test finds no other test made. */
final class DirectoryClinics {

    record Clinic(UUID id, String key) {}

    private DirectoryClinics() {}

    static Clinic create() {
        ExtractableResponse<Response> created = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Directory Clinic " + UUID.randomUUID(),
                        "timeZone", "America/Vancouver",
                        "locale", "en",
                        "region", "CA"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201)
                .extract();
        return new Clinic(UUID.fromString(created.path("clinic.id")), created.path("apiKey.key"));
    }

    /** Posts a session for a new client of the clinic; answers the clinic's id for the client. */
    static String client(Clinic clinic, String firstName, String lastName, String phone) {
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
    static UUID session(
            Clinic clinic, String clientId, String firstName, String lastName, String phone, OffsetDateTime ended) {
        Map<String, Object> session = Sessions.post(ended);
        Map<String, Object> client = Sessions.client(session);
        client.put("id", clientId);
        client.put("firstName", firstName);
        client.put("lastName", lastName);
        client.put("phone", phone);
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
    static String numberEndingWith(String lastFour) {
        return "+1604" + ThreadLocalRandom.current().nextInt(200, 1000) + lastFour;
    }

    /** Erases the client; while its first text is on its way the API answers 409, and the erasure is tried again. */
    static void erase(Clinic clinic, String clientId) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> given().auth()
                                .oauth2(clinic.key())
                                .delete("/v1/clients/" + clientId)
                                .statusCode()
                        == 200);
    }
}
