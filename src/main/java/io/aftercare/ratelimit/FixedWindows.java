package io.aftercare.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts events per key (a client address) in fixed windows, in memory: the first event of a key opens its window, and
 * the count starts afresh once the window has passed. Bounded, so that an attacker rotating addresses cannot grow the
 * heap: the least recently counted keys are forgotten first, and a forgotten key merely counts afresh.
 */
// Hand-written on Caffeine: Bucket4j or a Quarkus rate limiter would add a dependency for these few lines.
public final class FixedWindows {

    public static final int MAX_TRACKED_KEYS = 10_000;

    /**
     * @param count events of the key in its current window, at least 1
     * @param remaining how long until the window ends
     */
    public record Counted(int count, Duration remaining) {}

    private final long windowNanos;
    private final Ticker ticker;
    private final Cache<String, Window> windows;

    public FixedWindows(Duration window, Ticker ticker) {
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
        this.windows = Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED_KEYS)
                .expireAfterWrite(window)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /** Counts one event of the key. */
    public Counted count(String key) {
        long now = ticker.read();
        Window counted = windows.asMap()
                .compute(
                        key,
                        (ignored, window) -> window == null || now - window.startNanos >= windowNanos
                                ? new Window(now, 1)
                                : window.plusOne());
        return counted.at(now, windowNanos);
    }

    /** The key's window as it stands, without counting; empty when it has none open. */
    public Optional<Counted> current(String key) {
        long now = ticker.read();
        Window window = windows.getIfPresent(key);
        if (window == null || now - window.startNanos >= windowNanos) {
            return Optional.empty();
        }
        return Optional.of(window.at(now, windowNanos));
    }

    public long trackedKeys() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    /** Forgets every key; tests start from a clean count with it. */
    public void forgetAll() {
        windows.invalidateAll();
    }

    private record Window(long startNanos, int count) {

        Window plusOne() {
            // Saturates: a flood of events must not wrap the count back under a limit.
            return new Window(startNanos, count == Integer.MAX_VALUE ? count : count + 1);
        }

        Counted at(long now, long windowNanos) {
            return new Counted(count, Duration.ofNanos(Math.max(startNanos + windowNanos - now, 0)));
        }
    }
}
