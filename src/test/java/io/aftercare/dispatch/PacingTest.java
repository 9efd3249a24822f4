package io.aftercare.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PacingTest {

    private static final Instant NOW = Instant.parse("2026-11-21T17:00:00Z");

    @Test
    void shouldClaimFullBatchesAndSendThemAtOnceWithoutALimit() {
        Pacing pacing = new Pacing(200, 50, 0);

        assertThat(pacing.spacing()).isEmpty();
        assertThat(pacing.batchSize()).isEqualTo(200);
        // Every sender busy, and the next batch claimed while they are.
        assertThat(pacing.mostOutstanding()).isEqualTo(250);
        assertThat(pacing.slots(NOW, 3)).containsExactly(NOW, NOW, NOW);
    }

    @ParameterizedTest(name = "{0} a second: a slot every {1}, claims of {2}")
    @CsvSource({
        // Half the five-second window's worth of texts, and never less than one.
        "5, PT0.2S, 12",
        "1, PT1S, 2",
        "3, PT0.333333333S, 7",
        "0.1, PT10S, 1",
        // More than a claim takes anyway: the configured batch size holds.
        "1000, PT0.001S, 200"
    })
    void shouldClaimWhatTheSenderMaySendInHalfAWindow(double perSecond, Duration spacing, int batchSize) {
        Pacing pacing = new Pacing(200, 50, perSecond);

        assertThat(pacing.spacing()).contains(spacing);
        assertThat(pacing.batchSize()).isEqualTo(batchSize);
        assertThat(pacing.mostOutstanding()).isEqualTo(2 * batchSize);
    }

    @Test
    void shouldKeepASmallerConfiguredBatchUnderALimit() {
        assertThat(new Pacing(5, 50, 5).batchSize()).isEqualTo(5);
    }

    @Test
    void shouldSpreadABatchOverConsecutiveSlotsUnderALimit() {
        assertThat(new Pacing(200, 50, 5).slots(NOW, 4))
                .containsExactly(NOW, NOW.plusMillis(200), NOW.plusMillis(400), NOW.plusMillis(600));
    }
}
