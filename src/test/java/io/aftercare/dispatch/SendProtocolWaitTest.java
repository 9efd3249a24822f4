package io.aftercare.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How long a claimed text waits for its sending slot, whatever the clock did since the claim. */
class SendProtocolWaitTest {

    private static final Instant CLAIMED = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant SLOT = CLAIMED.plusSeconds(3);

    @Test
    void shouldWaitUntilTheSlotWhenTheClockRunsOn() {
        assertThat(SendProtocol.waitMillis(CLAIMED.plusSeconds(1), SLOT, CLAIMED))
                .isEqualTo(2_000);
    }

    @Test
    void shouldSendAtOnceOnceTheSlotHasPassed() {
        assertThat(SendProtocol.waitMillis(SLOT.plusMillis(1), SLOT, CLAIMED)).isNegative();
    }

    @Test
    void shouldNeverWaitLongerThanTheSlotLayAheadWhenTheClockStepsBack() {
        // The clock went back a day between the claim and the send (a test's clock, or a corrected host clock): the
        // sender must not sleep for the whole lease, holding every later run of the dispatcher.
        Instant steppedBack = CLAIMED.minus(Duration.ofDays(1));
        assertThat(SendProtocol.waitMillis(steppedBack, SLOT, CLAIMED)).isEqualTo(3_000);
    }

    @Test
    void shouldNotWaitForASlotThatLayBeforeTheClaim() {
        assertThat(SendProtocol.waitMillis(CLAIMED.minusSeconds(60), CLAIMED.minusSeconds(5), CLAIMED))
                .isZero();
    }
}
