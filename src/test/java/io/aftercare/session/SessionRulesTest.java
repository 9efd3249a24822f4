package io.aftercare.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules that keep texts in step with where the client really is in their treatment. */
@AftercareTest
class SessionRulesTest {

    /** Noon in Vancouver, well outside quiet hours. */
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");

    /** The warnings other than how many segments a text takes (see SessionTransliterationTest). */
    private static final String NOT_ABOUT_SEGMENTS =
            "warnings.findAll { !(it.startsWith('Text ') && it.contains(' SMS segments (')) }";

    @Inject
    TestClock clock;

    @InjectTwilioDouble
    TwilioDouble twilio;

    @Test
    void shouldSupersedeTheEarlierSessionsPendingTextsWhenTheNextSessionIsPosted() {
        Map<String, Object> first = session(NOON, 1);
        Map<String, Object> second = sameClient(first, NOON.plusDays(12), 2);
        clock.setNow(NOON.plusMinutes(5).toInstant());
        String firstId = post(first).statusCode(201).extract().path("id");

        clock.setNow(NOON.plusDays(12).plusMinutes(5).toInstant());
        post(second)
                .statusCode(201)
                .body(NOT_ABOUT_SEGMENTS, empty())
                .body("reminders.status", not(hasItem("SUPERSEDED")));

        get(firstId)
                .body("reminders.find { it.step == 'day-15' }.status", equalTo("SUPERSEDED"))
                .body("reminders.status", everyItem(isOneOf("SENDING", "SENT", "SUPERSEDED")));
    }

    @Test
    void shouldAcceptButWarnAboutSessionsLessThanTenDaysApart() {
        Map<String, Object> first = session(NOON, 1);
        Map<String, Object> second = sameClient(first, NOON.plusDays(6), 2);
        clock.setNow(NOON.plusMinutes(5).toInstant());
        post(first).statusCode(201);

        clock.setNow(NOON.plusDays(6).plusMinutes(5).toInstant());
        String secondId = post(second)
                .statusCode(201)
                .body(
                        NOT_ABOUT_SEGMENTS,
                        contains(allOf("at least 10 days apart", (String) first.get("sessionId"), "6 days before")))
                .extract()
                .path("id");

        get(secondId).body(NOT_ABOUT_SEGMENTS, hasSize(1));
    }

    @Test
    void shouldRecordAnEarlierSessionPostedAfterALaterOneAsSuperseded() {
        Map<String, Object> later = session(NOON.plusDays(12), 2);
        Map<String, Object> earlier = sameClient(later, NOON, 1);
        clock.setNow(NOON.plusDays(12).plusMinutes(10).toInstant());
        post(later).statusCode(201);

        post(earlier)
                .statusCode(201)
                .body("reminders.status", contains("SKIPPED", "SKIPPED", "SUPERSEDED", "SUPERSEDED"))
                .body("warnings", hasItem(containsString("ended after this one")));
    }

    @ParameterizedTest(name = "posted {0} late: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PT2H    | SCHEDULED, SCHEDULED, SCHEDULED, SCHEDULED
            P2D     | SCHEDULED, SCHEDULED, SCHEDULED, SCHEDULED
            P6D     | SKIPPED,   SCHEDULED, SCHEDULED, SCHEDULED
            P11D    | SKIPPED,   SKIPPED,   SCHEDULED, SCHEDULED
            P16D    | SKIPPED,   SKIPPED,   SKIPPED,   SCHEDULED
            P20D    | SKIPPED,   SKIPPED,   SKIPPED,   SKIPPED
            """)
    void shouldSkipStaleStepsOfALatePost(Duration late, String statuses) {
        clock.setNow(NOON.plus(late).toInstant());

        post(session(NOON, 1))
                .statusCode(201)
                .body("reminders.step", contains("days-1-3", "day-4", "day-10", "day-15"))
                .body("reminders.status", contains(statuses.split(",\\s*")));
    }

    @Test
    void shouldSendTheDay4TextOnceWhenTheSessionIsPostedSixDaysLate() {
        Map<String, Object> late = session(NOON, 1);
        String phone = "+16045550171";
        Sessions.client(late).put("phone", phone);
        clock.setNow(NOON.plusDays(6).toInstant());

        String id = post(late).statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> get(id).body("reminders.status", contains("SKIPPED", "SENT", "SCHEDULED", "SCHEDULED")));
        assertThat(twilio.messagesTo(phone))
                .singleElement()
                .satisfies(form -> assertThat(form.get("Body")).contains("warm water"));
    }

    @Test
    void shouldRemindToBookTheTouchUpEightWeeksAfterTheFinalTreatmentSessionOnly() {
        clock.setNow(NOON.plusMinutes(5).toInstant());
        Map<String, Object> last = session(NOON, 3);
        last.put("finalSession", true);
        Map<String, Object> touchUp = session(NOON, 1);
        touchUp.put("finalSession", true);
        touchUp.put("kind", "TOUCH_UP");

        post(last)
                .statusCode(201)
                .body("reminders.step", contains("days-1-3", "day-4", "day-10", "day-15", "touch-up"))
                .body("reminders[4].dueAt", equalTo("2026-12-28T18:00:00Z"));
        post(touchUp).statusCode(201).body("reminders.step", contains("days-1-3", "day-4", "day-10", "day-15"));
        post(session(NOON, 1)).statusCode(201).body("reminders.step", not(hasItem("touch-up")));
    }

    @Test
    void shouldAddTheOptionalLongTermStepOnlyForClinicsThatSwitchItOn() {
        clock.setNow(NOON.plusMinutes(5).toInstant());
        post(session(NOON, 1)).statusCode(201).body("reminders.step", not(hasItem("sun-care")));

        Sessions.settings(Map.of("start", "21:00", "end", "08:00"), List.of("sun-care"));

        post(session(NOON, 1))
                .statusCode(201)
                .body("reminders.find { it.step == 'sun-care' }.dueAt", equalTo("2027-01-30T18:00:00Z"));
    }

    @Test
    void shouldRejectInvalidSettingsNamingEachField() {
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("quietHours", Map.of("start", "25:00", "end", "8am"), "optionalSteps", List.of("nope")))
                .when()
                .put("/v1/clinic/settings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("quietHours.start", "quietHours.end", "optionalSteps[0]"));

        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic/settings")
                .then()
                .statusCode(200)
                .body("quietHours.start", equalTo("21:00"))
                .body("optionalSteps", empty());
    }

    @ParameterizedTest(name = "quiet hours {0}-{1}: the first text of a session ending 22:30 goes out at {2}")
    @CsvSource({"21:00, 08:00, 2026-11-03T16:00:00Z", "20:00, 07:00, 2026-11-03T15:00:00Z", ",, 2026-11-03T06:30:00Z"})
    void shouldHoldTextsDueInQuietHoursUntilTheyEnd(String start, String end, String firstTextDue) {
        Sessions.settings(start == null ? null : Map.of("start", start, "end", end), List.of());
        OffsetDateTime lateEvening = OffsetDateTime.parse("2026-11-02T22:30:00-08:00");
        clock.setNow(lateEvening.plusMinutes(5).toInstant());

        post(session(lateEvening, 1))
                .statusCode(201)
                .body("reminders[0].dueAt", equalTo(firstTextDue))
                .body("reminders[1].dueAt", equalTo("2026-11-05T17:00:00Z"));
    }

    @Test
    void shouldUseAClinicsOwnWordingForTextsScheduledAfterItOnly() {
        clock.setNow(NOON.plusMinutes(5).toInstant());
        String before = post(session(NOON, 1)).statusCode(201).extract().path("id");

        Sessions.putTemplate("day-4", "en", "{clinicName}: {firstName}, from {stepDate} rinse gently with warm water.")
                .statusCode(200)
                .body("overridden", equalTo(true))
                .body("sample", startsWith("Test Clinic: Maximilianne-Jo, from "))
                .body("fit.encoding", equalTo("GSM_7"))
                .body("fit.segments", equalTo(1));
        String after = post(session(NOON, 1)).statusCode(201).extract().path("id");
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic/templates")
                .then()
                .statusCode(200)
                // Every step of the plan in both languages, the safety answer to an urgent reply among them.
                .body("", hasSize(14))
                .body("findAll { it.overridden }.step", contains("day-4"))
                .body(
                        "find { it.step == 'day-10' && it.language == 'fr' }.template",
                        startsWith("{clinicName} : Bonjour"));

        get(after)
                .body(
                        "reminders.find { it.step == 'day-4' }.body",
                        equalTo("Test Clinic: Sam, from November 5 rinse gently with warm water."));
        get(before)
                .body(
                        "reminders.find { it.step == 'day-4' }.body",
                        startsWith("Test Clinic: Hi Sam, from today rinse"));
    }

    @Test
    void shouldRefuseATemplateThatDoesNotRenderOrTakesMoreThanTwoSegments() {
        Sessions.putTemplate("day-4", "en", "{firstName}, {appointmentTime}")
                .statusCode(400)
                .body("errors[0].field", equalTo("template"))
                .body("errors[0].reason", startsWith("does not render"));
        Sessions.putTemplate("day-4", "en", "{firstName}, " + "rinse gently. ".repeat(25))
                .statusCode(400)
                .body("errors[0].reason", startsWith("takes 3 SMS segments (GSM_7"));
        Sessions.putTemplate("day-4", "en", "{firstName}, rinse gently 💧 " + "x".repeat(150))
                .statusCode(400)
                .body("errors[0].reason", containsString("(UCS_2"));
        Sessions.putTemplate("day-4", "en", "{firstName}, rinse gently 💧")
                .statusCode(200)
                .body("fit.encoding", equalTo("UCS_2"));
        Sessions.putTemplate("day-99", "en", "{firstName}").statusCode(404);
        Sessions.putTemplate("day-4", "de", "{firstName}").statusCode(404);

        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .delete("/v1/clinic/templates/day-4/en")
                .then()
                .statusCode(200)
                .body("overridden", equalTo(false));
    }

    @Test
    void shouldPreviewTheWholeScheduleAndStoreNothing() {
        clock.setNow(NOON.plusDays(6).toInstant());
        Map<String, Object> late = session(NOON, 1);
        String clientId = (String) Sessions.client(late).get("id");

        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(late)
                .when()
                .post("/v1/sessions/preview")
                .then()
                .statusCode(200)
                .body("clientTimeZone", equalTo("America/Vancouver"))
                .body("reminders.step", contains("days-1-3", "day-4", "day-10", "day-15"))
                .body("reminders.status", contains("SKIPPED", "SCHEDULED", "SCHEDULED", "SCHEDULED"))
                .body("reminders[1].dueAt", equalTo("2026-11-05T17:00:00Z"))
                .body("reminders[1].dueAtLocal", equalTo("2026-11-05T09:00:00-08:00"))
                .body("reminders[1].body", startsWith("Test Clinic: Hi Sam, from today rinse your scalp"))
                .body("reminders.fit.encoding", everyItem(equalTo("GSM_7")))
                .body("reminders.fit.segments", everyItem(isOneOf(1, 2)));

        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clients/" + clientId + "/reminders")
                .then()
                .statusCode(404);
        post(late).statusCode(201);
    }

    private static org.hamcrest.Matcher<String> allOf(String... parts) {
        return org.hamcrest.Matchers.allOf(java.util.Arrays.stream(parts)
                .map(part -> containsString(part))
                .toList()
                .toArray(org.hamcrest.Matcher[]::new));
    }

    private static Map<String, Object> session(OffsetDateTime ended, int number) {
        Map<String, Object> session = Sessions.post(ended);
        session.put("sessionNumber", number);
        return session;
    }

    private static Map<String, Object> sameClient(Map<String, Object> other, OffsetDateTime ended, int number) {
        Map<String, Object> session = session(ended, number);
        session.put("client", Map.copyOf(Sessions.client(other)));
        session.put("sessionId", "session-" + UUID.randomUUID());
        return session;
    }

    private static ValidatableResponse post(Map<String, Object> session) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(session)
                .when()
                .post("/v1/sessions")
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
