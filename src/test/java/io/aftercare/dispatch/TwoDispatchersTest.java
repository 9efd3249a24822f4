package io.aftercare.dispatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes draining the same queue at the same time never send a text twice. */
@AftercareTest
@TestProfile(ManualDispatchProfile.class)
class TwoDispatchersTest {

    private static final int SESSIONS = 80;
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");

    @Inject
    Dispatcher dispatcher;

    @Inject
    TestClock clock;

    @InjectTwilioDouble
    TwilioDouble twilio;

    private Pacing configured;

    @BeforeEach
    void smallBatches() {
        configured = dispatcher.pacing();
        // Small batches so the two nodes interleave.
        dispatcher.pace(new Pacing(5, configured.concurrency(), 0));
    }

    @AfterEach
    void reset() {
        dispatcher.pace(configured);
    }

    @Test
    void shouldSendEveryTextExactlyOnceWhenTwoNodesDrainTogether() throws Exception {
        // Each session's first text is due at once; the Quartz trigger stays out of the way, the two nodes send them.
        clock.setNow(NOON.plusMinutes(1).toInstant());
        List<String> phones = IntStream.range(0, SESSIONS)
                .mapToObj(i -> "+1604555%04d".formatted(200 + i))
                .toList();
        List<String> sessionIds = new ArrayList<>();
        for (String phone : phones) {
            sessionIds.add(Sessions.postFor(phone, NOON));
        }
        twilio.acceptAfter(Duration.ofMillis(20));

        List<Integer> handled = Drains.together(dispatcher, "node-a", "node-b");

        assertThat(handled)
                .as("texts sent by each node")
                .allSatisfy(texts -> assertThat(texts).isPositive());
        assertThat(handled.get(0) + handled.get(1)).isEqualTo(SESSIONS);
        for (String phone : phones) {
            assertThat(twilio.messagesTo(phone)).as("texts to %s", phone).hasSize(1);
        }
        for (String id : sessionIds) {
            given().auth()
                    .oauth2(Sessions.CLINIC_KEY)
                    .get("/v1/sessions/" + id)
                    .then()
                    .body("reminders.status", contains("SENT", "SCHEDULED", "SCHEDULED", "SCHEDULED"));
        }
    }
}
