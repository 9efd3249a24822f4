package io.aftercare.dispatch;

import io.aftercare.config.AftercareConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a text again after a failure that may pass: exponential backoff with a random spread, so that texts
 * that failed together (Twilio briefly down at 09:00) do not all come back at the same instant.
 */
final class RetryBackoff {

    private static final double SPREAD = 0.2;

    /** What to do with a text after a failed attempt. */
    sealed interface Decision {
        record RetryAt(Instant at) implements Decision {}

        record GiveUp() implements Decision {}

        /** The next try would come after the text's advice stopped applying. */
        record Expire() implements Decision {}
    }

    private final int maxAttempts;
    private final Duration firstDelay;
    private final Duration longestDelay;

    RetryBackoff(int maxAttempts, Duration firstDelay, Duration longestDelay) {
        this.maxAttempts = maxAttempts;
        this.firstDelay = firstDelay;
        this.longestDelay = longestDelay;
    }

    static RetryBackoff from(AftercareConfig.Dispatch config) {
        return new RetryBackoff(config.maxAttempts(), config.retryDelay(), config.maxRetryDelay());
    }

    Decision after(int attempt, Instant now, Optional<Instant> expiresAt) {
        if (attempt >= maxAttempts) {
            return new Decision.GiveUp();
        }
        Instant retryAt =
                now.plus(delayAfter(attempt, ThreadLocalRandom.current().nextDouble(-SPREAD, SPREAD)));
        if (expiresAt.isPresent() && !retryAt.isBefore(expiresAt.get())) {
            return new Decision.Expire();
        }
        return new Decision.RetryAt(retryAt);
    }

    /** @param spread the random part, from -0.2 to 0.2 of the delay */
    Duration delayAfter(int attempt, double spread) {
        Duration delay = firstDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
        Duration capped = delay.compareTo(longestDelay) > 0 ? longestDelay : delay;
        return Duration.ofMillis(Math.round(capped.toMillis() * (1 + spread)));
    }
}
