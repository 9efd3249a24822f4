package io.aftercare.ratelimit;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * Refuses a key (a client address) once it has failed {@code maxFailures} times within its current fixed window, until
 * that window ends. A success does not reset the count: one valid credential would otherwise let its holder keep
 * guessing others.
 */
public final class FailureLimit {

    private final int maxFailures;
    private final FixedWindows windows;

    public FailureLimit(int maxFailures, Duration window, Ticker ticker) {
        this.maxFailures = maxFailures;
        this.windows = new FixedWindows(window, ticker);
    }

    /** How long the key must wait before it is heard again, if it is refused now. */
    public Optional<Duration> refusedFor(String key) {
        return windows.current(key)
                .filter(counted ->
                        counted.count() >= maxFailures && !counted.remaining().isZero())
                .map(FixedWindows.Counted::remaining);
    }

    /**
     * Counts one failure of the key; true for the one failure per window that reaches the limit, which the caller logs
     * (requests refused after it are not counted).
     */
    public boolean recordFailure(String key) {
        return windows.count(key).count() == maxFailures;
    }

    public int maxFailures() {
        return maxFailures;
    }

    public long trackedKeys() {
        return windows.trackedKeys();
    }

    /** Forgets every key; tests start from a clean count with it. */
    public void forgetAll() {
        windows.forgetAll();
    }
}
