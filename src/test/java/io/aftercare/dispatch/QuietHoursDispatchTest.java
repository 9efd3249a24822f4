package io.aftercare.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** A text that comes due again at night (here, a retry) waits for the end of the client's quiet hours. */
@AftercareTest
class QuietHoursDispatchTest {

    private static final OffsetDateTime EVENING = OffsetDateTime.parse("2026-11-02T20:58:00-08:00");

    @Inject
    TestClock clock;

    @InjectTwilioDouble
    TwilioDouble twilio;

    @Test
    void shouldHoldARetryThatComesDueInQuietHoursUntilTheyEnd() {
        twilio.failWithBareStatus(503);
        String phone = "+16045550196";
        clock.setNow(EVENING.plusSeconds(10).toInstant());
        String id = Sessions.postFor(phone, EVENING);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> Sessions.reminder(id, 0)
                        .body("status", equalTo("SCHEDULED"))
                        .body("error", notNullValue()));
        twilio.acceptEverything();

        // Its retry comes due at 21:00-something, inside quiet hours.
        clock.setNow(EVENING.plusMinutes(4).toInstant());

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> Sessions.reminder(id, 0)
                        .body("status", equalTo("SCHEDULED"))
                        .body("dueAt", equalTo("2026-11-03T16:00:00Z")));
        assertThat(twilio.messagesTo(phone)).isEmpty();
    }
}
