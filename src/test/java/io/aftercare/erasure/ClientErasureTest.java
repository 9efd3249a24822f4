package io.aftercare.erasure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.CapturedLog;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TextColumnScan;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** DELETE /v1/clients/{clientId}: nothing of the client is left in any table or log, and the counts still add up. */
@AftercareTest
class ClientErasureTest {

    private static final String INBOUND_URL = TwilioDouble.WEBHOOK_BASE_URL + "/v1/twilio/inbound";
    private static final AtomicInteger NUMBERS = new AtomicInteger(300);

    /** A session ending then, with the clock just after, has nothing due before 08:00 (quiet hours). */
    private static final OffsetDateTime LATE_EVENING = OffsetDateTime.parse("2026-11-02T22:30:00-08:00");

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @InjectTwilioDouble
    TwilioDouble twilio;

    /** The first text of a session ending now falls due at once, whatever the hour in Vancouver when the test runs. */
    private static void sendAtAnyHour() {
        Sessions.settings(null, List.of());
    }

    /** Nothing of a session ending {@link #LATE_EVENING} goes out while the test runs. */
    private void nothingDue() {
        clock.setNow(LATE_EVENING.plusMinutes(5).toInstant());
    }

    @Test
    void shouldLeaveNothingOfTheClientInAnyTextColumnOrLogAndKeepTheCounts() {
        sendAtAnyHour();
        Person person = Person.next();
        Map<String, Object> post = person.session(OffsetDateTime.now());
        String sessionId = post(Sessions.CLINIC_KEY, post).extract().path("id");
        awaitStatuses(sessionId, "SENT", "SCHEDULED", "SCHEDULED", "SCHEDULED");
        assertThat(twilio.messagesTo(person.phone))
                .singleElement()
                .satisfies(form -> assertThat(form.get("Body")).contains(person.firstName));
        assertThat(TextColumnScan.find(dataSource, person.needles()))
                .as("the scan finds the client before")
                .contains(
                        "client.first_name: " + person.firstName,
                        "client.last_name: " + person.lastName,
                        "client.phone: " + person.phone,
                        "reminder.body: " + person.firstName);

        try (CapturedLog log = CapturedLog.start()) {
            erase(Sessions.CLINIC_KEY, person.clientId)
                    .statusCode(200)
                    .body("clientId", equalTo(person.clientId))
                    .body("sessions", equalTo(1))
                    .body("texts", equalTo(4))
                    .body("cancelledTexts", equalTo(3))
                    .body("optOutsKeptAsMarker", equalTo(0));

            assertThat(log.text()).containsOnlyOnce("Erased client");
            for (String needle : person.needles()) {
                assertThat(log.text()).doesNotContainIgnoringCase(needle);
            }
            assertThat(log.text()).doesNotContain(person.clientId);
        }

        assertThat(TextColumnScan.find(dataSource, person.needles())).isEmpty();
        assertThat(TextColumnScan.find(dataSource, person.clientId)).isEmpty();
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/sessions/" + sessionId)
                .then()
                .statusCode(200)
                .body("reminders.status", contains("SENT", "CANCELLED", "CANCELLED", "CANCELLED"))
                .body("reminders.body", everyItem(equalTo("")))
                .body("reminders[0].providerId", startsWith("SM"));
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clients/" + person.clientId + "/reminders")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldAnswerNotFoundForAClientErasedAlreadyOrNeverPosted() {
        nothingDue();
        Person person = Person.next();
        String sessionId = post(Sessions.CLINIC_KEY, person.session(LATE_EVENING))
                .extract()
                .path("id");
        erase(Sessions.CLINIC_KEY, person.clientId).statusCode(200);

        erase(Sessions.CLINIC_KEY, person.clientId).statusCode(404).contentType("application/problem+json");
        erase(Sessions.CLINIC_KEY, "never-posted-" + UUID.randomUUID())
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        // The erased row can no longer be named, not even by the id that replaced the clinic's.
        String erasedId = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/sessions/" + sessionId)
                .then()
                .statusCode(200)
                .extract()
                .path("clientId");
        assertThat(erasedId).startsWith("erased ");
        erase(Sessions.CLINIC_KEY, erasedId).statusCode(404);
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clients/" + erasedId + "/reminders")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldEraseOnlyTheCallingClinicsClientOfThatId() {
        nothingDue();
        String otherKey = newClinicKey("Other Erasure Clinic");
        Person ours = Person.next();
        Person theirs = Person.next().withClientId(ours.clientId);
        post(Sessions.CLINIC_KEY, ours.session(LATE_EVENING));
        post(otherKey, theirs.session(LATE_EVENING));

        erase(Sessions.CLINIC_KEY, ours.clientId).statusCode(200);

        given().auth()
                .oauth2(otherKey)
                .get("/v1/clients/" + theirs.clientId + "/reminders")
                .then()
                .statusCode(200)
                .body("reminders.status", hasItem("SCHEDULED"))
                .body("reminders.body", everyItem(containsString(theirs.firstName)));
        assertThat(TextColumnScan.find(dataSource, theirs.needles()))
                .contains("client.first_name: " + theirs.firstName, "client.phone: " + theirs.phone);
        assertThat(TextColumnScan.find(dataSource, ours.needles())).isEmpty();

        Person onlyOurs = Person.next();
        post(Sessions.CLINIC_KEY, onlyOurs.session(LATE_EVENING));
        erase(otherKey, onlyOurs.clientId).statusCode(404);
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clients/" + onlyOurs.clientId + "/reminders")
                .then()
                .statusCode(200)
                .body("reminders.body", everyItem(containsString(onlyOurs.firstName)));
    }

    @Test
    void shouldKeepAStopWithoutTheNumberSoThatTheNumberPostedAgainIsStillHeld() {
        nothingDue();
        Person stopped = Person.next();
        String sessionId = post(Sessions.CLINIC_KEY, stopped.session(LATE_EVENING))
                .extract()
                .path("id");
        inbound(stopped.phone, "STOP").statusCode(200);
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/sessions/" + sessionId)
                .then()
                .body("reminders.status", contains("HELD", "HELD", "HELD", "HELD"));

        erase(Sessions.CLINIC_KEY, stopped.clientId)
                .statusCode(200)
                .body("cancelledTexts", equalTo(4))
                .body("optOutsKeptAsMarker", equalTo(1));
        assertThat(TextColumnScan.find(dataSource, stopped.needles())).isEmpty();

        Person again = Person.next().withPhone(stopped.phone);
        post(Sessions.CLINIC_KEY, again.session(LATE_EVENING))
                .body("reminders.status", contains("HELD", "HELD", "HELD", "HELD"))
                .body("warnings", hasItem(containsString("opted out")));
        history(again.clientId).body("optedOut", equalTo(true));

        inbound(stopped.phone, "START").statusCode(200);
        history(again.clientId)
                .body("optedOut", equalTo(false))
                .body("reminders.status", contains("SCHEDULED", "SCHEDULED", "SCHEDULED", "SCHEDULED"));
        erase(Sessions.CLINIC_KEY, again.clientId).statusCode(200).body("optOutsKeptAsMarker", equalTo(0));
        assertThat(TextColumnScan.find(dataSource, stopped.needles())).isEmpty();
    }

    @Test
    void shouldRefuseWhileATextIsBeingSentAndChangeNothingThenEraseOnceItIsRecorded() {
        sendAtAnyHour();
        twilio.acceptAfter(Duration.ofSeconds(3));
        Person person = Person.next();
        String sessionId = post(Sessions.CLINIC_KEY, person.session(OffsetDateTime.now()))
                .extract()
                .path("id");
        awaitStatuses(sessionId, "SENDING", "SCHEDULED", "SCHEDULED", "SCHEDULED");

        erase(Sessions.CLINIC_KEY, person.clientId)
                .statusCode(409)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"));
        history(person.clientId)
                .body("reminders.status", contains("SENDING", "SCHEDULED", "SCHEDULED", "SCHEDULED"))
                .body("reminders.body", everyItem(containsString(person.firstName)));

        awaitStatuses(sessionId, "SENT", "SCHEDULED", "SCHEDULED", "SCHEDULED");
        erase(Sessions.CLINIC_KEY, person.clientId).statusCode(200).body("cancelledTexts", equalTo(3));
        assertThat(TextColumnScan.find(dataSource, person.needles())).isEmpty();
    }

    /** A client no other test uses: a number of its own and names found nowhere else. */
    record Person(String clientId, String firstName, String lastName, String phone) {

        static Person next() {
            String tag = letters(UUID.randomUUID());
            return new Person(
                    "client-" + UUID.randomUUID(),
                    "Erasmina" + tag,
                    "Forgetsby" + tag,
                    "+1604555%04d".formatted(NUMBERS.incrementAndGet()));
        }

        Person withClientId(String id) {
            return new Person(id, firstName, lastName, phone);
        }

        Person withPhone(String number) {
            return new Person(clientId, firstName, lastName, number);
        }

        /** The number as stored (E.164), its digits alone, and the names. */
        String[] needles() {
            return new String[] {phone, phone.substring(1), phone.substring(2), firstName, lastName};
        }

        Map<String, Object> session(OffsetDateTime ended) {
            Map<String, Object> session = Sessions.post(ended);
            Map<String, Object> client = Sessions.client(session);
            client.put("id", clientId);
            client.put("firstName", firstName);
            client.put("lastName", lastName);
            client.put("phone", phone);
            return session;
        }

        private static String letters(UUID id) {
            StringBuilder letters = new StringBuilder();
            for (char c : Long.toHexString(id.getLeastSignificantBits()).toCharArray()) {
                letters.append((char) ('a' + Character.digit(c, 16)));
            }
            return letters.toString();
        }
    }

    static ValidatableResponse post(String clinicKey, Map<String, Object> session) {
        return given().auth()
                .oauth2(clinicKey)
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(201);
    }

    static ValidatableResponse erase(String clinicKey, String clientId) {
        return given().auth()
                .oauth2(clinicKey)
                .delete("/v1/clients/" + clientId)
                .then();
    }

    static String newClinicKey(String name) {
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

    private static ValidatableResponse history(String clientId) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clients/" + clientId + "/reminders")
                .then()
                .statusCode(200);
    }

    private static void awaitStatuses(String sessionId, String... statuses) {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> given().auth()
                                .oauth2(Sessions.CLINIC_KEY)
                                .get("/v1/sessions/" + sessionId)
                                .jsonPath()
                                .getList("reminders.status"),
                        List.of(statuses)::equals);
    }

    private static ValidatableResponse inbound(String phone, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", TwilioDouble.ACCOUNT_SID);
        // Each text Twilio posts has its own MessageSid; a repeated one is a retry and changes nothing.
        form.put("MessageSid", "SM" + java.util.UUID.randomUUID().toString().replace("-", ""));
        form.put("From", phone);
        form.put("To", TwilioDouble.FROM);
        form.put("Body", body);
        return given().contentType(ContentType.URLENC)
                .formParams(form)
                .header("X-Twilio-Signature", TwilioDouble.signature(INBOUND_URL, form))
                .post("/v1/twilio/inbound")
                .then();
    }
}
