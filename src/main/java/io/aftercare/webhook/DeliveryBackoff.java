package io.aftercare.webhook;

import io.aftercare.config.AftercareConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a delivery again after a failed attempt: the first retry after {@code retry-delay}, doubling up to
 * {@code max-retry-delay}, the last one at the delivery's give-up time, then none.
 */
record DeliveryBackoff(Duration firstDelay, Duration longestDelay) {

    static DeliveryBackoff from(AftercareConfig.Webhooks config) {
        return new DeliveryBackoff(config.retryDelay(), config.maxRetryDelay());
    }

    /** @return when to try again after attempt number {@code attempt} failed; empty once the delivery gives up */
    Optional<Instant> retryAt(int attempt, Instant now, Instant giveUpAt) {
        if (!now.isBefore(giveUpAt)) {
            return Optional.empty();
        }
        Instant next = now.plus(delayAfter(attempt));
        return Optional.of(next.isAfter(giveUpAt) ? giveUpAt : next);
    }

    Duration delayAfter(int attempt) {
        Duration delay = firstDelay.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return delay.compareTo(longestDelay) > 0 ? longestDelay : delay;
    }
}
