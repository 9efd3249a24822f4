package io.aftercare.dashboard;

import static io.restassured.RestAssured.given;

import io.aftercare.client.Client;
import io.aftercare.support.Sessions;
import io.aftercare.support.StaffForms;
import io.aftercare.support.TwilioInbound;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh clinics for the Today and Replies tests, each with its own manager, so that one test's texts and replies never
 * show on another's pages, and the clients and replies the pages list.
 */
final class TodayRepliesFixtures {

    /** A clinic with its API key and a manager of its own, signed in with {@code session}. */
    record TestClinic(UUID id, String key, String name, UUID managerId, String managerEmail) {

        String session() {
            return StaffForms.sessionOf(managerEmail);
        }

        /** The actor name the audit log and a reply's {@code resolvedBy} give the manager. */
        String managerActor() {
            return "staff:" + managerId;
        }
    }

    /** A client of a clinic: the clinic's id of it, its internal id and its number. */
    record TestClient(String externalId, UUID id, String phone) {}

    private static final AtomicInteger NUMBERS = new AtomicInteger(1000);

    private TodayRepliesFixtures() {}

    static TestClinic newClinic(String zone) {
        String name = "Studio " + UUID.randomUUID().toString().substring(0, 8);
        ExtractableResponse<Response> created = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "timeZone", zone, "locale", "en", "region", "CA"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201)
                .extract();
        String key = created.path("apiKey.key");
        String email = "manager-" + UUID.randomUUID() + "@example.com";
        JsonPath invited = given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "displayName", "Morgan Manager", "role", "MANAGER"))
                .post("/v1/clinic/staff")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        StaffForms.setPassword(token(invited.getString("invitationUrl")), StaffForms.PASSWORD);
        quietHoursOff(key);
        return new TestClinic(
                UUID.fromString(created.path("clinic.id")), key, name, UUID.fromString(invited.getString("id")), email);
    }

    /**
     * Texts go out at any hour: the tests run on the real clock (moving the application's clock back while a text is
     * being sent parks its sender for a claim's lease), so a test run at night still sees its texts sent.
     */
    private static void quietHoursOff(String key) {
        Map<String, Object> settings = new java.util.HashMap<>();
        settings.put("quietHours", null);
        settings.put("optionalSteps", List.of());
        given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(settings)
                .put("/v1/clinic/settings")
                .then()
                .statusCode(200);
    }

    static TestClinic newClinic() {
        return newClinic("America/Vancouver");
    }

    /** An operator user (every clinic, read-only); returns their address. */
    static String newOperator() {
        String email = "operator-" + UUID.randomUUID() + "@example.com";
        String url = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "displayName", "Olive Operator"))
                .post("/admin/v1/staff")
                .then()
                .statusCode(201)
                .extract()
                .path("invitationUrl");
        StaffForms.setPassword(token(url), StaffForms.PASSWORD);
        return email;
    }

    /** A number no other test of the application texts: replies are attributed by number. */
    static String nextPhone() {
        return "+1236555%04d".formatted(NUMBERS.incrementAndGet());
    }

    /** Posts a session, ended then, for a new client with this name and zone. */
    static TestClient client(
            TestClinic clinic, String firstName, String lastName, String zone, OffsetDateTime sessionEnded) {
        String phone = nextPhone();
        Map<String, Object> session = Sessions.post(sessionEnded);
        Map<String, Object> client = Sessions.client(session);
        client.put("firstName", firstName);
        client.put("lastName", lastName);
        client.put("phone", phone);
        client.put("timeZone", zone);
        given().auth()
                .oauth2(clinic.key())
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(201);
        String externalId = (String) client.get("id");
        UUID id = QuarkusTransaction.requiringNew()
                .call(() -> Client.findByExternalId(clinic.id(), externalId).orElseThrow().id);
        return new TestClient(externalId, id, phone);
    }

    /** The client texts the clinic; answers the reply's id. */
    static UUID reply(TestClinic clinic, TestClient client, String body) {
        TwilioInbound.text(client.phone(), body).statusCode(200);
        List<Map<String, Object>> replies = replies(clinic, null);
        return replies.stream()
                .filter(reply -> client.externalId().equals(reply.get("clientId")) && body.equals(reply.get("body")))
                .map(reply -> UUID.fromString((String) reply.get("id")))
                .findFirst()
                .orElseThrow();
    }

    /** The clinic's replies as the API lists them, optionally of one status. */
    static List<Map<String, Object>> replies(TestClinic clinic, String status) {
        var request = given().auth().oauth2(clinic.key());
        if (status != null) {
            request.queryParam("status", status);
        }
        return request.get("/v1/replies")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("replies");
    }

    private static String token(String invitationUrl) {
        return invitationUrl.substring(invitationUrl.lastIndexOf('/') + 1);
    }
}
