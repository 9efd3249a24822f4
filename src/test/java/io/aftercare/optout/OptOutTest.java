package io.aftercare.optout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.notNullValue;

import io.aftercare.reminder.Reminders;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A client who replies STOP gets no more texts until they reply START. */
@AftercareTest
class OptOutTest {

    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    private static final String INBOUND_URL = TwilioDouble.WEBHOOK_BASE_URL + "/v1/twilio/inbound";
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");
    /** A session ending now has nothing due until 08:00 (quiet hours), so no text can slip out before STOP. */
    private static final OffsetDateTime LATE_EVENING = OffsetDateTime.parse("2026-11-02T22:30:00-08:00");

    private static final AtomicInteger NUMBERS = new AtomicInteger(400);

    @Inject
    OptOuts optOuts;

    @Inject
    Reminders reminders;

    @Inject
    TestClock clock;

    @InjectTwilioDouble
    TwilioDouble twilio;

    @ParameterizedTest(name = "\"{0}\" holds the pending texts")
    @ValueSource(strings = {"STOP", "stop", "StopAll", "UNSUBSCRIBE", "cancel", "End", "quit"})
    void shouldHoldPendingTextsOfANumberThatRepliedStop(String keyword) {
        Map<String, Object> session = Sessions.post(LATE_EVENING);
        String phone = nextPhone();
        Sessions.client(session).put("phone", phone);
        clock.setNow(LATE_EVENING.plusMinutes(5).toInstant());
        String id = post(session).extract().path("id");

        inbound(phone, keyword).statusCode(200).body(equalTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"));

        session(id).body("reminders.status", contains("HELD", "HELD", "HELD", "HELD"));
        history(session).body("optedOut", equalTo(true)).body("optedOutAt", notNullValue());
    }

    @ParameterizedTest(name = "\"{0}\" resumes what still makes sense")
    @ValueSource(strings = {"START", "yes", "Unstop"})
    void shouldResumeHeldTextsThatStillApplyAfterOptIn(String keyword) {
        Map<String, Object> session = Sessions.post(LATE_EVENING);
        String phone = nextPhone();
        Sessions.client(session).put("phone", phone);
        clock.setNow(LATE_EVENING.plusMinutes(5).toInstant());
        inboundAfterPost(session, phone, "STOP");

        // Back in on day 11 at noon: days 1-3 and day 4 are past, day 10 still applies (and goes out), day 15 is ahead.
        clock.setNow(LATE_EVENING.plusDays(10).withHour(12).toInstant());
        inbound(phone, keyword).statusCode(200);

        history(session)
                .body("optedOut", equalTo(false))
                .body(
                        "reminders.status",
                        contains(
                                equalTo("SKIPPED"),
                                equalTo("SKIPPED"),
                                isOneOf("SCHEDULED", "SENDING", "SENT"),
                                equalTo("SCHEDULED")));
    }

    @Test
    void shouldHoldTheTextsOfANewSessionForAnOptedOutNumber() {
        Map<String, Object> first = Sessions.post(LATE_EVENING);
        String phone = nextPhone();
        Sessions.client(first).put("phone", phone);
        clock.setNow(LATE_EVENING.plusMinutes(5).toInstant());
        inboundAfterPost(first, phone, "STOP");

        Map<String, Object> second = Sessions.post(NOON.plusDays(12));
        second.put("client", first.get("client"));
        clock.setNow(NOON.plusDays(12).plusHours(1).toInstant());

        post(second)
                .body("reminders.status", contains("HELD", "HELD", "HELD", "HELD"))
                .body("warnings", hasItem(containsString("opted out")));
    }

    @Test
    void shouldAnswerHelpWithTheClinicsContactText() {
        Map<String, Object> session = Sessions.post(NOON);
        String phone = nextPhone();
        Sessions.client(session).put("phone", phone);
        clock.setNow(NOON.plusHours(1).toInstant());
        String id = post(session).extract().path("id");
        awaitFirstTextSent(id);

        // Twilio answers HELP itself by default: the webhook adds no second answer.
        inbound(phone, "help")
                .statusCode(200)
                .contentType(containsString("xml"))
                .body(equalTo(EMPTY_TWIML));
        // Where the operator says the service answers it (aftercare.twilio.answer-help):
        InboundTexts answering = new InboundTexts(optOuts, reminders, AnswerHelp.on());
        assertThat(QuarkusTransaction.requiringNew().call(() -> answering.receive(phone, "help")))
                .hasValueSatisfying(answer -> assertThat(answer)
                        .startsWith("Test Clinic: aftercare texts after your treatment.")
                        .contains("Reply STOP to stop"));
        history(session).body("optedOut", equalTo(false));
    }

    @Test
    void shouldAnswerHelpForTheClinicWhoseTextReachedTheNumberNotOneThatOnlyPostedIt() {
        String phone = nextPhone();
        clock.setNow(NOON.plusHours(1).toInstant());
        String texted = Sessions.postFor(phone, NOON);
        awaitFirstTextSent(texted);
        // Another clinic posts the same number later; quiet hours hold its first text, so it has not texted the number.
        String otherClinicKey = newClinic("Impostor Studio");
        given().auth()
                .oauth2(otherClinicKey)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "quietHours", Map.of("start", "00:00", "end", "23:59"), "optionalSteps", java.util.List.of()))
                .put("/v1/clinic/settings")
                .then()
                .statusCode(200);
        Sessions.postFor(otherClinicKey, phone, NOON);

        // Twilio answers HELP itself unless the operator says the service does: the webhook answers nothing.
        inbound(phone, "HELP").statusCode(200).body(equalTo(EMPTY_TWIML));
        InboundTexts answering = new InboundTexts(optOuts, reminders, AnswerHelp.on());
        assertThat(QuarkusTransaction.requiringNew().call(() -> answering.receive(phone, "HELP")))
                .hasValueSatisfying(answer -> assertThat(answer)
                        .startsWith("Test Clinic: aftercare texts")
                        .doesNotContain("Impostor"));

        String neverTexted = nextPhone();
        Sessions.postFor(otherClinicKey, neverTexted, NOON);
        inbound(neverTexted, "HELP").statusCode(200).body(equalTo(EMPTY_TWIML));
        assertThat(QuarkusTransaction.requiringNew().call(() -> answering.receive(neverTexted, "HELP")))
                .hasValueSatisfying(answer -> assertThat(answer)
                        .startsWith("Aftercare texts after a treatment.")
                        .doesNotContain("Impostor"));
    }

    @Test
    void shouldOptANumberOutWhenTwilioSaysItUnsubscribed() {
        twilio.failWith(400, 21610, "Attempt to send to unsubscribed recipient");
        Map<String, Object> session = Sessions.post(NOON);
        String phone = nextPhone();
        Sessions.client(session).put("phone", phone);
        clock.setNow(NOON.plusMinutes(5).toInstant());
        String id = post(session).extract().path("id");

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> session(id).body("reminders.status", contains("HELD", "HELD", "HELD", "HELD")));
        history(session).body("optedOut", equalTo(true));
    }

    @Test
    void shouldRefuseAnUnsignedReplyAndChangeNothing() {
        Map<String, Object> session = Sessions.post(NOON);
        String phone = nextPhone();
        Sessions.client(session).put("phone", phone);
        clock.setNow(NOON.plusDays(5).toInstant());
        post(session);

        given().contentType(ContentType.URLENC)
                .formParams(form(phone, "STOP"))
                .header("X-Twilio-Signature", TwilioDouble.signature(INBOUND_URL, form(phone, "START")))
                .post("/v1/twilio/inbound")
                .then()
                .statusCode(403);

        history(session).body("optedOut", equalTo(false));
    }

    private void inboundAfterPost(Map<String, Object> session, String phone, String keyword) {
        post(session);
        inbound(phone, keyword).statusCode(200);
    }

    private static void awaitFirstTextSent(String sessionId) {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> session(sessionId).body("reminders[0].status", isOneOf("SENT", "DELIVERED")));
    }

    private static String newClinic(String name) {
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

    private static String nextPhone() {
        return "+1604555%04d".formatted(NUMBERS.incrementAndGet());
    }

    private static Map<String, String> form(String phone, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", TwilioDouble.ACCOUNT_SID);
        // Each text Twilio posts has its own MessageSid; a repeated one is a retry and changes nothing.
        form.put("MessageSid", "SM" + java.util.UUID.randomUUID().toString().replace("-", ""));
        form.put("From", phone);
        form.put("To", TwilioDouble.FROM);
        form.put("Body", body);
        return form;
    }

    private static ValidatableResponse inbound(String phone, String body) {
        Map<String, String> form = form(phone, body);
        return given().contentType(ContentType.URLENC)
                .formParams(form)
                .header("X-Twilio-Signature", TwilioDouble.signature(INBOUND_URL, form))
                .post("/v1/twilio/inbound")
                .then();
    }

    private static ValidatableResponse post(Map<String, Object> session) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(201);
    }

    private static ValidatableResponse session(String id) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/sessions/" + id)
                .then()
                .statusCode(200);
    }

    private static ValidatableResponse history(Map<String, Object> session) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clients/" + Sessions.client(session).get("id") + "/reminders")
                .then()
                .statusCode(200);
    }
}
