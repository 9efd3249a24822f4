package io.aftercare.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A name or a clinic's wording with one character outside the GSM alphabet must not multiply what a text costs: it is
 * written in the alphabet for SMS unless the clinic turned that off, the client's name is kept as written, and the
 * clinic is told which characters make a text of several segments.
 */
@AftercareTest
class SessionTransliterationTest {

    /** Noon in Vancouver, well outside quiet hours. */
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");

    /** One segment in GSM-7 for any name up to 15 letters; two in UCS-2 as soon as one character forces it. */
    private static final String DAY_4 =
            "{clinicName}: Hi {firstName}, rinse gently with warm water from today and pat dry with a clean towel.";

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @InjectTwilioDouble
    TwilioDouble twilio;

    @Test
    void shouldTextZoeAsZoeWhileTheClientKeepsTheirName() {
        Sessions.putTemplate("day-4", "en", "{clinicName}: “Hi” {firstName} — from today it’s rinse gently…")
                .statusCode(200);
        Map<String, Object> session = Sessions.post(NOON);
        Sessions.client(session).put("firstName", "Zoë");
        String phone = "+16045554401";
        Sessions.client(session).put("phone", phone);
        // Day 4, 09:05 in Vancouver: the day-4 text is due at once.
        clock.setNow(OffsetDateTime.parse("2026-11-05T09:05:00-08:00").toInstant());
        String sent = "Test Clinic: \"Hi\" Zoe - from today it's rinse gently...";

        post(session)
                .statusCode(201)
                .body("reminders.find { it.step == 'day-4' }.body", equalTo(sent))
                .body("reminders.body", everyItem(not(containsString("ë"))))
                .body("warnings", not(hasItem(containsString("day-4"))));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(twilio.messagesTo(phone))
                        .extracting(form -> form.get("Body"))
                        .contains(sent));
        assertThat(storedFirstName((String) Sessions.client(session).get("id"))).isEqualTo("Zoë");
    }

    @Test
    void shouldKeepTheRealSpellingAndSayWhyWhenTheClinicTurnedTransliterationOff() {
        Sessions.transliteration(false);
        Sessions.putTemplate("day-4", "en", DAY_4).statusCode(200).body("fit.segments", equalTo(1));
        Map<String, Object> session = Sessions.post(NOON);
        Sessions.client(session).put("firstName", "Zoë");
        clock.setNow(NOON.plusMinutes(5).toInstant());

        preview(session)
                .body("reminders.find { it.step == 'day-4' }.body", startsWith("Test Clinic: Hi Zoë, rinse gently"))
                .body("reminders.find { it.step == 'day-4' }.fit.encoding", equalTo("UCS_2"))
                .body("reminders.find { it.step == 'day-4' }.fit.forcedUcs2By", contains("ë"));
        post(session)
                .statusCode(201)
                .body("reminders.find { it.step == 'day-4' }.body", startsWith("Test Clinic: Hi Zoë, rinse gently"))
                .body("warnings", hasItem("Text day-4 takes 2 SMS segments (UCS-2 because of ë)"))
                .body("warnings", everyItem(not(containsString("Zoë"))));
    }

    @Test
    void shouldSayHowLongATextOfTwoGsmSegmentsIs() {
        Sessions.putTemplate("day-4", "en", "{clinicName}: {firstName}, " + "rinse gently, pat dry. ".repeat(8))
                .statusCode(200);
        Map<String, Object> session = Sessions.post(NOON);
        clock.setNow(NOON.plusMinutes(5).toInstant());

        ExtractableResponse<Response> posted = post(session).statusCode(201).extract();
        String body = posted.path("reminders.find { it.step == 'day-4' }.body");
        List<String> warnings = posted.path("warnings");

        assertThat(body).hasSizeGreaterThan(160);
        assertThat(warnings).contains("Text day-4 takes 2 SMS segments (GSM-7, " + body.length() + " characters)");
    }

    @Test
    void shouldNotWarnAboutATextOfOneSegment() {
        Sessions.putTemplate("day-4", "en", DAY_4).statusCode(200);
        Map<String, Object> session = Sessions.post(NOON);
        Sessions.client(session).put("firstName", "Zoë");
        clock.setNow(NOON.plusMinutes(5).toInstant());

        preview(session)
                .body("reminders.find { it.step == 'day-4' }.fit.segments", equalTo(1))
                .body("reminders.find { it.step == 'day-4' }.fit.forcedUcs2By", empty())
                .body("warnings", not(hasItem(containsString("Text day-4"))));
    }

    private String storedFirstName(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT first_name FROM client WHERE external_id = ?1")
                .setParameter(1, clientId)
                .getSingleResult());
    }

    private static ValidatableResponse post(Map<String, Object> session) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then();
    }

    private static ValidatableResponse preview(Map<String, Object> session) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions/preview")
                .then()
                .statusCode(200);
    }
}
