package io.aftercare.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.aftercare.client.Client;
import io.aftercare.optout.OptOuts;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** POST /v1/sessions/batch: each session answered as its own post would be, and the rules held between them. */
@AftercareTest
class SessionBatchResourceTest {

    /** Noon in Vancouver, well outside quiet hours. */
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");

    private static final String NOT_ABOUT_SEGMENTS =
            "warnings.findAll { !(it.startsWith('Text ') && it.contains(' SMS segments (')) }";

    @Inject
    TestClock clock;

    @Inject
    OptOuts optOuts;

    @Test
    void shouldAnswerEachSessionInOrderAsItsOwnPostWould() {
        clock.setNow(NOON.plusMinutes(5).toInstant());
        Map<String, Object> created = session(NOON, 1);
        Map<String, Object> different = copy(created);
        different.put("sessionNumber", 2);
        Map<String, Object> invalid = session(NOON.plusDays(2), 0);
        Sessions.client(invalid).put("phone", "+1 604 555");
        Map<String, Object> wrongType = session(NOON, 1);
        wrongType.put("sessionNumber", "first");

        JsonPath answer = batch(Sessions.CLINIC_KEY, List.of(created, copy(created), different, invalid, wrongType))
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("created", equalTo(1))
                .body("repeated", equalTo(1))
                .body("conflicts", equalTo(1))
                .body("invalid", equalTo(2))
                .body("results.index", contains(0, 1, 2, 3, 4))
                .body("results.status", contains(201, 200, 409, 400, 400))
                .body("results[0].session.sessionId", equalTo(created.get("sessionId")))
                .body("results[0].session.reminders", hasSize(4))
                .body("results[0].problem", nullValue())
                .body("results[2].session", nullValue())
                .body("results[2].problem.status", equalTo(409))
                .body("results[2].problem.detail", containsString((String) created.get("sessionId")))
                .body("results[3].problem.title", equalTo("Invalid request"))
                .body("results[3].problem.errors.field", containsInAnyOrder("client.phone", "endedAt", "sessionNumber"))
                .body("results[4].problem.errors.field", contains("sessionNumber"))
                .extract()
                .jsonPath();

        assertThat(answer.getString("results[1].session.id")).isEqualTo(answer.getString("results[0].session.id"));
        assertThat(answer.getList("results[1].session.reminders.id"))
                .isEqualTo(answer.getList("results[0].session.reminders.id"));
    }

    @Test
    void shouldSupersedeWarnAndSkipBetweenSessionsOfOneBatch() {
        Map<String, Object> first = session(NOON, 1);
        Map<String, Object> second = sameClient(first, NOON.plusDays(12), 2);
        Map<String, Object> close = sameClient(first, NOON.plusDays(6), 2);
        Map<String, Object> later = session(NOON.plusDays(12), 2);
        Map<String, Object> earlier = sameClient(later, NOON, 1);
        clock.setNow(NOON.plusDays(12).plusMinutes(10).toInstant());

        ValidatableResponse answer = batch(Sessions.CLINIC_KEY, List.of(first, close, second, later, earlier))
                .statusCode(200)
                .body("results.status", everyItem(equalTo(201)))
                // Posted twelve days late: the steps whose advice has passed are skipped.
                .body("results[0].session.reminders.status", contains("SKIPPED", "SKIPPED", "SCHEDULED", "SCHEDULED"))
                .body(
                        "results[1].session." + NOT_ABOUT_SEGMENTS,
                        hasItem(containsString("at least 10 days apart; session " + first.get("sessionId"))))
                .body("results[3].session.reminders.status", not(hasItem("SUPERSEDED")))
                .body("results[4].session.reminders.status", contains("SKIPPED", "SKIPPED", "SUPERSEDED", "SUPERSEDED"))
                .body("results[4].session.warnings", hasItem(containsString("ended after this one")));

        // The second session superseded what was pending of the first two, as posts one by one would have.
        get(answer.extract().path("results[0].session.id"))
                .body("reminders.status", contains("SKIPPED", "SKIPPED", "SUPERSEDED", "SUPERSEDED"));
        get(answer.extract().path("results[2].session.id")).body("reminders.status", not(hasItem("SUPERSEDED")));
    }

    @Test
    void shouldRepeatOrRefuseTheSameSessionIdTwiceInOneBatch() {
        clock.setNow(NOON.plusMinutes(5).toInstant());
        Map<String, Object> session = session(NOON, 1);
        Map<String, Object> changed = copy(session);
        Sessions.client(changed).put("firstName", "Alex");

        batch(Sessions.CLINIC_KEY, List.of(session, changed, copy(session)))
                .statusCode(200)
                .body("results.status", contains(201, 409, 200));
    }

    @Test
    void shouldHoldTextsOfAnOptedOutNumberAndKeepQuietHoursAndTheClinicsWording() {
        TestClinics.Clinic clinic = TestClinics.create();
        String phone = TestClinics.numberEndingWith("0177");
        QuarkusTransaction.requiringNew().run(() -> optOuts.optOut(phone, Optional.of(clinic.id()), "reply STOP"));
        Map<String, Object> optedOut = session(NOON, 1);
        Sessions.client(optedOut).put("phone", phone);
        OffsetDateTime lateEvening = OffsetDateTime.parse("2026-11-02T22:30:00-08:00");
        clock.setNow(lateEvening.plusMinutes(5).toInstant());
        Sessions.putTemplate("day-4", "en", "{clinicName}: {firstName}, from {stepDate} rinse gently with warm water.")
                .statusCode(200);

        batch(clinic.key(), List.of(optedOut))
                .statusCode(200)
                .body("results[0].session.reminders.status", everyItem(equalTo("HELD")));
        batch(Sessions.CLINIC_KEY, List.of(session(lateEvening, 1)))
                .statusCode(200)
                .body("results[0].session.reminders[0].dueAt", equalTo("2026-11-03T16:00:00Z"))
                .body(
                        "results[0].session.reminders.find { it.step == 'day-4' }.body",
                        equalTo("Test Clinic: Sam, from November 5 rinse gently with warm water."));
    }

    @Test
    void shouldNotTakeAnotherClinicsSessionIdForARepeat() {
        TestClinics.Clinic other = TestClinics.create();
        Map<String, Object> session = Sessions.post(OffsetDateTime.now().minusMinutes(5));
        TestClinics.post(other, session);

        batch(Sessions.CLINIC_KEY, List.of(session)).statusCode(200).body("results[0].status", equalTo(201));
    }

    @Test
    void shouldRefuseMoreThanAThousandSessionsAndWriteNothing() {
        TestClinics.Clinic clinic = TestClinics.create();
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            sessions.add(Sessions.post(OffsetDateTime.now().minusMinutes(5)));
        }

        batch(clinic.key(), sessions)
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("at most 1000 sessions"));
        // A thousand sessions take more than the 64 KB of a single post, and far less than the import's 1 MB.
        List<Map<String, Object>> invalid = sessions.subList(0, 1000);
        invalid.forEach(session -> session.put("sessionNumber", 0));
        batch(clinic.key(), invalid).statusCode(200).body("invalid", equalTo(1000));
        Map<String, Object> huge = Sessions.post(OffsetDateTime.now().minusMinutes(5));
        Sessions.client(huge).put("firstName", "x".repeat(1_100_000));
        batch(clinic.key(), List.of(huge))
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("1024 KB this service accepts in one bulk import"));

        assertThat(clientsOf(clinic)).isZero();
    }

    @Test
    void shouldRefuseABodyThatIsNotANonEmptyArrayAndWriteNothing() {
        TestClinics.Clinic clinic = TestClinics.create();
        for (String body : List.of("{\"sessionId\":\"s-1\"}", "[]", "\"sessions\"", "[{\"sessionId\": ")) {
            given().auth()
                    .oauth2(clinic.key())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/v1/sessions/batch")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", not(nullValue()));
        }

        assertThat(clientsOf(clinic)).isZero();
    }

    private static long clientsOf(TestClinics.Clinic clinic) {
        return QuarkusTransaction.requiringNew().call(() -> Client.count("clinicId", clinic.id()));
    }

    private static Map<String, Object> session(OffsetDateTime ended, int number) {
        Map<String, Object> session = Sessions.post(ended);
        session.put("sessionNumber", number);
        return session;
    }

    private static Map<String, Object> sameClient(Map<String, Object> other, OffsetDateTime ended, int number) {
        Map<String, Object> session = session(ended, number);
        session.put("client", Map.copyOf(Sessions.client(other)));
        return session;
    }

    private static Map<String, Object> copy(Map<String, Object> session) {
        Map<String, Object> copy = new HashMap<>(session);
        copy.put("client", new HashMap<>(Sessions.client(session)));
        return copy;
    }

    private static ValidatableResponse batch(String key, List<Map<String, Object>> sessions) {
        return given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(sessions)
                .post("/v1/sessions/batch")
                .then();
    }

    private static ValidatableResponse get(String id) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/sessions/" + id)
                .then()
                .statusCode(200);
    }
}
