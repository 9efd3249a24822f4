package io.aftercare.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.aftercare.pause.SendingPauses;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Security-relevant actions are recorded (who, when, what; never a secret, number or name) and read by the operator. */
@AftercareTest
class AuditLogTest {

    private static final OffsetDateTime LATE_EVENING = OffsetDateTime.parse("2026-11-02T22:30:00-08:00");

    @Inject
    SendingPauses pauses;

    @Inject
    TestClock clock;

    @Test
    void shouldRecordEachActionWithItsActorAndReadThemNewestFirstPageByPage() {
        var created = admin().contentType(ContentType.JSON)
                .body(Map.of("name", "Audited Clinic", "timeZone", "America/Vancouver", "locale", "en", "region", "CA"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201)
                .extract();
        String clinicId = created.path("clinic.id");
        String firstKey = created.path("apiKey.key");
        String firstKeyId = created.path("apiKey.id");
        String clinic = "clinic:" + clinicId;

        var own = clinic(firstKey)
                .post("/v1/clinic/api-keys")
                .then()
                .statusCode(201)
                .extract();
        clinic(firstKey).delete("/v1/clinic/api-keys/" + own.path("id")).then().statusCode(200);
        clinic(firstKey).delete("/v1/clinic/api-keys/" + own.path("id")).then().statusCode(200);
        var issued = admin().post("/admin/v1/clinics/" + clinicId + "/api-keys")
                .then()
                .statusCode(201)
                .extract();
        admin().delete("/admin/v1/clinics/" + clinicId + "/api-keys/" + issued.path("id"))
                .then()
                .statusCode(200);
        clinic(firstKey)
                .contentType(ContentType.JSON)
                .body(Map.of("template", "{clinicName}: Hi {firstName}, rinse gently with warm water from today."))
                .put("/v1/clinic/templates/day-4/en")
                .then()
                .statusCode(200);
        clinic(firstKey).delete("/v1/clinic/templates/day-4/en").then().statusCode(200);
        pauses.pause(UUID.fromString(clinicId), "20003: Twilio refused the account credentials");
        admin().delete("/admin/v1/clinics/" + clinicId + "/sending-pause")
                .then()
                .statusCode(204);
        clock.setNow(LATE_EVENING.plusMinutes(5).toInstant());
        Map<String, Object> session = Sessions.post(LATE_EVENING);
        Map<String, Object> person = Sessions.client(session);
        person.put("firstName", "Auditha");
        person.put("lastName", "Nevershown");
        person.put("phone", "+16045550399");
        clinic(firstKey)
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(201);
        clinic(firstKey).delete("/v1/clients/" + person.get("id")).then().statusCode(200);

        List<JsonPath> events = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        String before = null;
        do {
            var request = admin().queryParam("clinicId", clinicId).queryParam("limit", 4);
            if (before != null) {
                request.queryParam("before", before);
            }
            String page = request.get("/admin/v1/audit")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            pages.add(page);
            JsonPath json = JsonPath.from(page);
            for (int i = 0; i < json.getList("events").size(); i++) {
                events.add(JsonPath.from(page).setRootPath("events[" + i + "]"));
            }
            before = json.getString("nextBefore");
        } while (before != null);

        assertThat(pages).hasSize(3);
        assertThat(events)
                .extracting(event -> event.getString("action"))
                .containsExactly(
                        "client.erased",
                        "sending.resumed",
                        "sending.paused",
                        "template.reset",
                        "template.changed",
                        "api-key.revoked",
                        "api-key.issued",
                        "api-key.revoked",
                        "api-key.issued",
                        "api-key.issued",
                        "clinic.created");
        assertThat(events)
                .extracting(event -> event.getString("actor"))
                .containsExactly(
                        clinic,
                        "operator",
                        "system",
                        clinic,
                        clinic,
                        "operator",
                        "operator",
                        clinic,
                        clinic,
                        "operator",
                        "operator");
        assertThat(events)
                .extracting(event -> event.getString("subject"))
                .containsExactly(
                        events.get(0).getString("subject"),
                        "sending",
                        "sending",
                        "template:day-4/en",
                        "template:day-4/en",
                        "api-key:" + issued.path("id"),
                        "api-key:" + issued.path("id"),
                        "api-key:" + own.path("id"),
                        "api-key:" + own.path("id"),
                        "api-key:" + firstKeyId,
                        "clinic:" + clinicId);
        assertThat(events.get(0).getString("subject")).matches("client:[0-9a-f-]{36}");
        assertThat(events.get(0).getInt("details.texts")).isEqualTo(4);
        assertThat(events.get(0).getInt("details.cancelledTexts")).isEqualTo(4);
        assertThat(events).extracting(event -> event.getLong("id")).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(events).allSatisfy(event -> assertThat(event.getString("at")).isNotNull());
        assertThat(String.join("", pages))
                .doesNotContain(
                        firstKey, own.path("key"), issued.path("key"), "Auditha", "Nevershown", "6045550399", (String)
                                person.get("id"));
    }

    @Test
    void shouldFilterByAction() {
        String clinicId = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic")
                .then()
                .extract()
                .path("id");

        admin().queryParam("clinicId", clinicId)
                .queryParam("action", "clinic.created")
                .get("/admin/v1/audit")
                .then()
                .statusCode(200)
                .body("events", hasSize(1))
                .body("events[0].actor", equalTo("system"))
                .body("events[0].details.name", equalTo("Test Clinic"))
                .body("nextBefore", nullValue());
        admin().queryParam("action", "api-key.issued")
                .queryParam("limit", 200)
                .get("/admin/v1/audit")
                .then()
                .statusCode(200)
                .body("events.action.unique()", contains("api-key.issued"));
    }

    @Test
    void shouldNameEachInvalidQueryParameter() {
        admin().queryParam("limit", 201)
                .queryParam("before", 0)
                .queryParam("clinicId", "nope")
                .queryParam("action", "x")
                .get("/admin/v1/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("limit", "before", "clinicId", "action"));
        admin().queryParam("limit", 0)
                .get("/admin/v1/audit")
                .then()
                .statusCode(400)
                .body("errors.field", contains("limit"));
    }

    @Test
    void shouldBeForTheOperatorOnly() {
        given().auth().oauth2(Sessions.CLINIC_KEY).get("/admin/v1/audit").then().statusCode(403);
        given().get("/admin/v1/audit").then().statusCode(401);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Sessions.ADMIN_KEY);
    }

    private static RequestSpecification clinic(String key) {
        return given().auth().oauth2(key);
    }
}
