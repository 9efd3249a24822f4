package io.aftercare.reply;

import static io.restassured.RestAssured.given;

import io.aftercare.support.Sessions;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Clinics, clients and reads the reply tests share. */
final class ReplyFixtures {

    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    /** Words of the plan's safety text in English. */
    static final String SAFETY_WORDS = "needs to be seen today";

    private static final AtomicInteger NUMBERS = new AtomicInteger(7000);

    private ReplyFixtures() {}

    static String nextPhone() {
        return "+1604555%04d".formatted(NUMBERS.incrementAndGet());
    }

    /** Posts a session for a new client with this number as the clinic with this key; answers the client's id. */
    static String clientWithSession(String clinicKey, String phone, OffsetDateTime ended) {
        Map<String, Object> session = Sessions.post(ended);
        Sessions.client(session).put("phone", phone);
        given().auth()
                .oauth2(clinicKey)
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(201);
        return (String) Sessions.client(session).get("id");
    }

    static String clientWithSession(String phone, OffsetDateTime ended) {
        return clientWithSession(Sessions.CLINIC_KEY, phone, ended);
    }

    /** A new clinic, as the operator creates it; answers its API key. */
    static String newClinic(String name) {
        return given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "timeZone", "America/Vancouver", "locale", "en", "region", "CA"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey.key");
    }

    static String clinicId(String clinicKey) {
        return given().auth()
                .oauth2(clinicKey)
                .get("/v1/clinic")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    static JsonPath conversation(String clinicKey, String clientId) {
        return given().auth()
                .oauth2(clinicKey)
                .get("/v1/clients/" + clientId + "/conversation")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The texts of one kind in the client's conversation, as maps. */
    static List<Map<String, Object>> texts(String clinicKey, String clientId, String kind) {
        return conversation(clinicKey, clientId)
                .getList("entries.findAll { it.type == 'TEXT' && it.text.kind == '" + kind + "' }.text");
    }

    static List<Map<String, Object>> replies(String clinicKey, String clientId) {
        return conversation(clinicKey, clientId).getList("entries.findAll { it.type == 'REPLY' }.reply");
    }
}
