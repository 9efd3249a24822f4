package io.aftercare.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.aftercare.config.AftercareConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts failed authentications per client address in fixed windows ({@code aftercare.auth.failure-window}); an address
 * that reaches {@code aftercare.auth.max-failures} in a window is refused, right key or wrong, until the window ends,
 * and is named in one WARN line per window. A success does not reset the count: a caller holding one valid key could
 * otherwise keep guessing others between its own requests.
 * <p>
 * Per node, in memory: each node counts what it sees, so a cluster of n nodes lets at most n times the limit through,
 * which is enough to stop guessing at speed without a shared store. Behind a reverse proxy, enable
 * {@code quarkus.http.proxy.proxy-address-forwarding} so the address is the client's, not the proxy's.
 */
@ApplicationScoped
class FailedAuthentications {

    /**
     * Bounded so that an attacker rotating addresses cannot grow the heap: the least recently failing addresses are
     * forgotten first, and a forgotten address merely starts counting afresh.
     */
    static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final int maxFailures;
    private final long windowNanos;
    private final Ticker ticker;
    private final Cache<String, Window> windows;

    @Inject
    FailedAuthentications(AftercareConfig config) {
        this(config.auth().maxFailures(), config.auth().failureWindow(), Ticker.systemTicker());
    }

    FailedAuthentications(int maxFailures, Duration window, Ticker ticker) {
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
        this.windows = Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED_ADDRESSES)
                .expireAfterWrite(window)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /** How long the address must wait before its keys are checked again, if it is refused now. */
    Optional<Duration> refusedFor(String address) {
        Window window = windows.getIfPresent(address);
        if (window == null || window.failures < maxFailures) {
            return Optional.empty();
        }
        long remaining = window.startNanos + windowNanos - ticker.read();
        return remaining > 0 ? Optional.of(Duration.ofNanos(remaining)) : Optional.empty();
    }

    /** Counts one failed authentication from the address. */
    void recordFailure(String address) {
        long now = ticker.read();
        Window counted = windows.asMap()
                .compute(
                        address,
                        (key, window) -> window == null || now - window.startNanos >= windowNanos
                                ? new Window(now, 1)
                                : window.plusOne());
        // Exactly one failure per window reaches the limit: requests refused after it are not counted.
        if (counted.failures == maxFailures) {
            Log.warnf(
                    "%d failed authentications from %s within %d s: its requests are refused for the rest of"
                            + " the window",
                    maxFailures, address, Duration.ofNanos(windowNanos).toSeconds());
        }
    }

    long trackedAddresses() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    /** Forgets every address; tests start from a clean count with it. */
    void forgetAll() {
        windows.invalidateAll();
    }

    private record Window(long startNanos, int failures) {
        Window plusOne() {
            return new Window(startNanos, failures + 1);
        }
    }
}
