package io.aftercare.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryBackoffTest {

    private static final Instant NOW = Instant.parse("2026-11-21T17:00:00Z");
    private final RetryBackoff backoff = new RetryBackoff(5, Duration.ofSeconds(30), Duration.ofMinutes(30));

    @ParameterizedTest(name = "after attempt {0}: {1}")
    @CsvSource({"1, PT30S", "2, PT1M", "3, PT2M", "4, PT4M", "7, PT30M", "30, PT30M"})
    void shouldDoubleTheWaitUpToTheLongest(int attempt, Duration delay) {
        assertThat(backoff.delayAfter(attempt, 0)).isEqualTo(delay);
    }

    @RepeatedTest(20)
    void shouldSpreadRetriesByAtMostAFifth() {
        RetryBackoff.Decision decision = backoff.after(2, NOW, Optional.empty());

        assertThat(decision)
                .isInstanceOfSatisfying(
                        RetryBackoff.Decision.RetryAt.class,
                        retry -> assertThat(retry.at()).isBetween(NOW.plusSeconds(48), NOW.plusSeconds(72)));
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        assertThat(backoff.after(5, NOW, Optional.empty())).isInstanceOf(RetryBackoff.Decision.GiveUp.class);
    }

    @Test
    void shouldExpireATextWhoseNextTryWouldComeAfterItsAdviceEnds() {
        assertThat(backoff.after(3, NOW, Optional.of(NOW.plusSeconds(60))))
                .isInstanceOf(RetryBackoff.Decision.Expire.class);
        assertThat(backoff.after(1, NOW, Optional.of(NOW.plusSeconds(60))))
                .isInstanceOf(RetryBackoff.Decision.RetryAt.class);
    }
}
