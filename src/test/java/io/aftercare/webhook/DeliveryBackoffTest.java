package io.aftercare.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryBackoffTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private final DeliveryBackoff backoff = new DeliveryBackoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void shouldWait30SecondsThenDoubleUpToAnHour() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delayAfter(500)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldTryALastTimeAtTheGiveUpTimeThenStop() {
        Instant giveUpAt = NOW.plusSeconds(10);

        assertThat(backoff.retryAt(3, NOW, giveUpAt)).hasValue(giveUpAt);
        assertThat(backoff.retryAt(4, giveUpAt, giveUpAt)).isEmpty();
        assertThat(backoff.retryAt(1, NOW, NOW.plus(Duration.ofHours(24)))).hasValue(NOW.plusSeconds(30));
    }
}
