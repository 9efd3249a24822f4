package io.aftercare.pause;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.aftercare.dispatch.Dispatcher;
import io.aftercare.dispatch.ManualDispatchProfile;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.RecordedEvents;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A clinic's sending paused or resumed is told to observers ({@link SendingPauseChanged}) once, in the transaction
 * that records it: an observer that fails leaves the sending as it was.
 */
@AftercareTest
@TestProfile(ManualDispatchProfile.class)
class SendingPauseChangedTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2025-08-12T12:00:00-07:00");

    @Inject
    Dispatcher dispatcher;

    @Inject
    SendingPauses pauses;

    @Inject
    RecordedEvents events;

    @Inject
    TestClock clock;

    @InjectTwilioDouble
    TwilioDouble twilio;

    private UUID clinicId;
    private String posted;

    @BeforeEach
    void record() {
        posted = null;
        clock.setNow(NOON.plusMinutes(1).toInstant());
        clinicId = UUID.fromString(given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic")
                .then()
                .extract()
                .path("id"));
        events.start();
    }

    @AfterEach
    void cancelWhatIsLeft() {
        events.stop();
        if (posted != null) {
            given().auth().oauth2(Sessions.CLINIC_KEY).delete("/v1/sessions/" + posted);
        }
    }

    @Test
    void shouldTellOfAPauseOnceAndOfTheResumeOnce() {
        twilio.failWith(401, 20003, "Authenticate");
        posted = Sessions.postFor("+16045558901", NOON);

        dispatcher.drain("pause-events-node");

        JsonPath pause = pauseOfClinic().statusCode(200).extract().jsonPath();
        assertThat(ofThisClinic()).singleElement().satisfies(paused -> {
            assertThat(paused.clinicId()).isEqualTo(clinicId);
            assertThat(paused.paused()).isTrue();
            assertThat(paused.reason()).contains(pause.getString("reason"));
            // The database keeps microseconds.
            assertThat(paused.at()).isCloseTo(Instant.parse(pause.getString("pausedAt")), within(1, ChronoUnit.MILLIS));
        });

        pauses.pause(clinicId, "another refusal while paused");
        assertThat(ofThisClinic()).as("paused already: nothing changed").hasSize(1);

        Instant before = clock.instant();
        resume().statusCode(204);
        resume().statusCode(404);

        assertThat(ofThisClinic()).hasSize(2).last().satisfies(resumed -> {
            assertThat(resumed.clinicId()).isEqualTo(clinicId);
            assertThat(resumed.paused()).isFalse();
            assertThat(resumed.reason()).isEmpty();
            assertThat(resumed.at()).isBetween(before, clock.instant());
        });
    }

    @Test
    void shouldNotPauseNorResumeWhenAnObserverFails() {
        events.failFor(clinicId);

        assertThatThrownBy(() -> pauses.pause(clinicId, "refused by the observer"))
                .hasMessageContaining("observer refuses events of clinic " + clinicId);

        pauseOfClinic().statusCode(404);
        events.start();
        pauses.pause(clinicId, "paused for the resume");
        events.failFor(clinicId);

        resume().statusCode(500);

        pauseOfClinic().statusCode(200);
    }

    // An account pause stops, and its resume frees, every clinic of the application: this test follows its own.
    private List<SendingPauseChanged> ofThisClinic() {
        return events.of(SendingPauseChanged.class).stream()
                .filter(change -> change.clinicId().equals(clinicId))
                .toList();
    }

    private ValidatableResponse pauseOfClinic() {
        return given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .get("/admin/v1/clinics/" + clinicId + "/sending-pause")
                .then();
    }

    private ValidatableResponse resume() {
        return given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .delete("/admin/v1/clinics/" + clinicId + "/sending-pause")
                .then();
    }
}
