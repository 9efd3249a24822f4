package io.aftercare.dispatch;

import java.time.Duration;

/** How long to wait before trying a text again after a transient failure. */
final class RetryBackoff {

    static final int MAX_ATTEMPTS = 5;
    private static final Duration FIRST = Duration.ofSeconds(30);
    private static final Duration LONGEST = Duration.ofMinutes(30);

    private RetryBackoff() {}

    static Duration delayAfter(int attempt) {
        Duration delay = FIRST.multipliedBy(1L << Math.min(attempt - 1, 16));
        return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
    }
}
