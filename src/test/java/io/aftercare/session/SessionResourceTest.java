package io.aftercare.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

@AftercareTest
class SessionResourceTest {

    @Inject
    TestClock clock;

    @Test
    void shouldScheduleEveryStepOfThePlanAtItsInstant() {
        OffsetDateTime ended = OffsetDateTime.parse("2026-11-20T18:30:00-08:00");
        clock.setNow(ended.plusMinutes(5).toInstant());

        post(Sessions.post(ended))
                .statusCode(201)
                .header("Location", containsString("/v1/sessions/"))
                .body("id", notNullValue())
                .body("reminders.step", contains("days-1-3", "day-4", "day-10", "day-15"))
                .body(
                        "reminders.dueAt",
                        contains(
                                "2026-11-21T02:30:00Z",
                                "2026-11-23T17:00:00Z",
                                "2026-11-29T17:00:00Z",
                                "2026-12-04T17:00:00Z"))
                .body("reminders.status", everyItem(equalTo("SCHEDULED")))
                // Nothing to warn about but the segments of the plan's longer texts.
                .body(
                        "warnings",
                        everyItem(matchesPattern("Text \\S+ takes 2 SMS segments \\(GSM-7, \\d+ characters\\)")));
    }

    @Test
    void shouldKeepWallClockTimesAcrossTheAutumnDstChangeInVancouver() {
        // Clocks fall back on 2026-11-01: day 4 at 09:00 is then 17:00Z, not the 16:00Z that adding 72 hours gives.
        OffsetDateTime ended = OffsetDateTime.parse("2026-10-30T18:30:00-07:00");
        clock.setNow(ended.plusMinutes(10).toInstant());

        post(Sessions.post(ended))
                .statusCode(201)
                .body(
                        "reminders.dueAt",
                        contains(
                                "2026-10-31T01:30:00Z",
                                "2026-11-02T17:00:00Z",
                                "2026-11-08T17:00:00Z",
                                "2026-11-13T17:00:00Z"));
    }

    @Test
    void shouldKeepWallClockTimesAcrossTheSpringDstChangeInVancouver() {
        // Clocks spring forward on 2027-03-14: day 4 at 09:00 is 16:00Z from then on.
        OffsetDateTime ended = OffsetDateTime.parse("2027-03-12T15:00:00-08:00");
        clock.setNow(ended.plusMinutes(1).toInstant());

        post(Sessions.post(ended))
                .statusCode(201)
                .body(
                        "reminders.dueAt",
                        contains(
                                "2027-03-12T23:00:00Z",
                                "2027-03-15T16:00:00Z",
                                "2027-03-21T16:00:00Z",
                                "2027-03-26T16:00:00Z"));
    }

    @Test
    void shouldReadANumberWithoutCountryCodeInTheClinicsRegionAndStoreItNormalised() {
        Map<String, Object> session = Sessions.post(OffsetDateTime.now().minusMinutes(1));
        Sessions.client(session).put("phone", "(604) 555-0199");

        String id = post(session).statusCode(201).extract().path("id");

        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/sessions/" + id)
                .then()
                .statusCode(200)
                .body("sessionId", equalTo(session.get("sessionId")))
                .body("clientId", equalTo(Sessions.client(session).get("id")));
    }

    @Test
    void shouldAnswerTheSameSessionWhenTheSamePostIsRepeated() {
        Map<String, Object> session = Sessions.post(OffsetDateTime.now().minusMinutes(1));
        String id = post(session).statusCode(201).extract().path("id");
        Sessions.client(session).put("phone", "+16045550123");

        post(session).statusCode(200).body("id", equalTo(id)).body("reminders", hasSize(4));
    }

    @Test
    void shouldRefuseADifferentPostUnderAnExistingSessionId() {
        Map<String, Object> session = Sessions.post(OffsetDateTime.now().minusMinutes(1));
        post(session).statusCode(201);
        session.put("sessionNumber", 2);

        post(session)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString((String) session.get("sessionId")));
    }

    @Test
    void shouldNameEveryInvalidField() {
        Map<String, Object> session = Sessions.post(OffsetDateTime.now().plusDays(2));
        Sessions.client(session).put("phone", "+1 604 555");
        Sessions.client(session).put("timeZone", "Mars/Olympus_Mons");
        Sessions.client(session).put("locale", "xx");
        Sessions.client(session).remove("firstName");
        session.put("sessionNumber", 0);

        post(session)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "client.firstName",
                                "client.locale",
                                "client.phone",
                                "client.timeZone",
                                "endedAt",
                                "sessionNumber"))
                .body("errors.find { it.field == 'endedAt' }.reason", containsString("future"));
    }

    @Test
    void shouldRefuseALandlineNumber() {
        Map<String, Object> session = Sessions.post(OffsetDateTime.now().minusMinutes(1));
        Sessions.client(session).put("phone", "+33 1 42 68 53 00");

        post(session)
                .statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("client.phone"))
                .body("errors[0].reason", equalTo("is not a mobile number"));
    }

    @Test
    void shouldRefuseASessionThatEndedLongAgo() {
        post(Sessions.post(OffsetDateTime.now().minusYears(2)))
                .statusCode(400)
                .body("errors[0].field", equalTo("endedAt"));
    }

    @Test
    void shouldExplainATimestampWithoutOffset() {
        Map<String, Object> session = Sessions.post(OffsetDateTime.now());
        session.put("endedAt", "2026-11-20T18:30:00");

        post(session)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("endedAt"));
    }

    @Test
    void shouldExplainAWrongType() {
        Map<String, Object> session = Sessions.post(OffsetDateTime.now());
        session.put("sessionNumber", "first");

        post(session)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("sessionNumber"));
    }

    @Test
    void shouldRejectMalformedJson() {
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType("application/json")
                .body("{\"sessionId\": ")
                .post("/v1/sessions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"))
                .body(not(containsString("jackson")));
    }

    @Test
    void shouldRejectAMissingOrWrongKeyAndStoreNothing() {
        Map<String, Object> session = Sessions.post(OffsetDateTime.now().minusMinutes(1));
        given().contentType("application/json")
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth()
                .oauth2("not-a-key-of-this-service-0123456789abcdef")
                .contentType("application/json")
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(401);

        post(session).statusCode(201);
    }

    @Test
    void shouldCancelPendingTextsAndLeaveSentOnesAlone() {
        // Posted 5 days late, at noon: the day-4 text is still in force and goes out at once; later ones are pending.
        OffsetDateTime ended = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");
        clock.setNow(ended.plusDays(5).toInstant());
        Map<String, Object> session = Sessions.post(ended);
        String id = post(session).statusCode(201).extract().path("id");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> get(id).body("reminders.find { it.step == 'day-4' }.status", equalTo("SENT")));

        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .delete("/v1/sessions/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("reminders.find { it.step == 'days-1-3' }.status", equalTo("SKIPPED"))
                .body("reminders.find { it.step == 'day-4' }.status", equalTo("SENT"))
                .body("reminders.find { it.step == 'day-10' }.status", equalTo("CANCELLED"))
                .body("reminders.find { it.step == 'day-15' }.status", equalTo("CANCELLED"));
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .delete("/v1/sessions/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void shouldShowAClientsWholeHistory() {
        Map<String, Object> first = Sessions.post(OffsetDateTime.now().minusDays(12));
        Map<String, Object> second = Sessions.post(OffsetDateTime.now().minusMinutes(1));
        second.put("client", first.get("client"));
        second.put("sessionNumber", 2);
        post(first).statusCode(201);
        post(second).statusCode(201);

        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clients/" + Sessions.client(first).get("id") + "/reminders")
                .then()
                .statusCode(200)
                .body("reminders", hasSize(8))
                .body("reminders.sessionId", hasItem(first.get("sessionId")))
                .body("reminders.sessionId", hasItem(second.get("sessionId")));
    }

    @Test
    void shouldNotShowAnotherClinicsSessionOrClient() {
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/sessions/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clients/nobody/reminders")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static ValidatableResponse post(Map<String, Object> session) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType("application/json")
                .body(session)
                .post("/v1/sessions")
                .then();
    }

    private static ValidatableResponse get(String id) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/sessions/" + id)
                .then();
    }
}
