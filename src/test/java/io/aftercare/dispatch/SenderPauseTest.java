package io.aftercare.dispatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sender Twilio refuses for every text pauses every clinic on it after one attempt; a code that can be about one
 * destination fails only its text.
 */
@AftercareTest
@TestProfile(ManualDispatchProfile.class)
class SenderPauseTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-03-03T12:00:00-08:00");
    private static final String UNREGISTERED = "30034: the sender's 10DLC campaign is not registered";

    @Inject
    Dispatcher dispatcher;

    @Inject
    TestClock clock;

    @InjectTwilioDouble
    TwilioDouble twilio;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @BeforeEach
    void atNoon() {
        clock.setNow(NOON.plusMinutes(1).toInstant());
    }

    @Test
    void shouldPauseEveryClinicOnTheSenderAfterOneRefusedText() {
        TestClinics.Clinic other = TestClinics.create("Shared Sender Studio");
        String ours = TestClinics.numberEndingWith("3401");
        String theirs = TestClinics.numberEndingWith("3402");
        String oursSession = Sessions.postFor(ours, NOON);
        twilio.failWith(400, 30034, "Message from an unregistered number");

        dispatcher.drain("sender-pause-node");
        // The other clinic's text falls due once the sender was refused: it is not tried.
        UUID theirsSession = TestClinics.session(other, "client-" + UUID.randomUUID(), "Sam", "Shared", theirs, NOON);
        dispatcher.drain("sender-pause-node");

        assertThat(twilio.messagesTo(ours)).hasSize(1);
        assertThat(twilio.messagesTo(theirs)).isEmpty();
        Sessions.reminder(oursSession, 0).body("status", equalTo("SCHEDULED"));
        firstText(other, theirsSession).body("status", equalTo("SCHEDULED"));
        pauseOf(testClinic()).statusCode(200).body("scope", equalTo("SENDER")).body("reason", equalTo(UNREGISTERED));
        pauseOf(other.id()).statusCode(200).body("scope", equalTo("SENDER"));
        given().port(management.getPort())
                .get("/q/health/well")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'sms-sending' }.data.sender", equalTo(UNREGISTERED))
                .body("checks.find { it.name == 'sms-sending' }.data.pausedClinics", equalTo(0));

        twilio.acceptEverything();
        resumeSender().statusCode(204);
        dispatcher.drain("sender-pause-node");

        Sessions.reminder(oursSession, 0).body("status", equalTo("SENT"));
        firstText(other, theirsSession).body("status", equalTo("SENT"));
        assertThat(twilio.messagesTo(ours)).hasSize(1);
        assertThat(twilio.messagesTo(theirs)).hasSize(1);
        resumeSender().statusCode(404);
    }

    @Test
    void shouldFailOnlyTheTextWhenTheSenderCannotTextItsDestination() {
        String phone = TestClinics.numberEndingWith("3403");
        String session = Sessions.postFor(phone, NOON);
        twilio.failWith(400, 21606, "The From phone number is not a valid message-capable number for this destination");

        dispatcher.drain("sender-pause-node");

        Sessions.reminder(session, 0)
                .body("status", equalTo("FAILED"))
                .body("error", startsWith("21606: the sender cannot text this destination"));
        pauseOf(testClinic()).statusCode(404);
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .get("/admin/v1/sending-pauses")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
    }

    private static UUID testClinic() {
        return UUID.fromString(given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic")
                .then()
                .statusCode(200)
                .extract()
                .path("id"));
    }

    private static ValidatableResponse pauseOf(UUID clinicId) {
        return given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .get("/admin/v1/clinics/" + clinicId + "/sending-pause")
                .then();
    }

    private static ValidatableResponse resumeSender() {
        return given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .delete("/admin/v1/sending-pauses/sender")
                .then();
    }

    private static ValidatableResponse firstText(TestClinics.Clinic clinic, UUID sessionId) {
        return given().auth()
                .oauth2(clinic.key())
                .get("/v1/sessions/" + sessionId)
                .then()
                .statusCode(200)
                .rootPath("reminders[0]");
    }
}
