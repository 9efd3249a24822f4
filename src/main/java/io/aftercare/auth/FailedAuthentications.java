package io.aftercare.auth;

import com.github.benmanes.caffeine.cache.Ticker;
import io.aftercare.config.AftercareConfig;
import io.aftercare.ratelimit.FailureLimit;
import io.aftercare.ratelimit.FixedWindows;
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

    static final int MAX_TRACKED_ADDRESSES = FixedWindows.MAX_TRACKED_KEYS;

    private final Duration window;
    private final FailureLimit limit;

    @Inject
    FailedAuthentications(AftercareConfig config) {
        this(config.auth().maxFailures(), config.auth().failureWindow(), Ticker.systemTicker());
    }

    FailedAuthentications(int maxFailures, Duration window, Ticker ticker) {
        this.window = window;
        this.limit = new FailureLimit(maxFailures, window, ticker);
    }

    /** How long the address must wait before its keys are checked again, if it is refused now. */
    Optional<Duration> refusedFor(String address) {
        return limit.refusedFor(address);
    }

    /** Counts one failed authentication from the address. */
    void recordFailure(String address) {
        // Exactly one failure per window reaches the limit: requests refused after it are not counted.
        if (limit.recordFailure(address)) {
            Log.warnf(
                    "%d failed authentications from %s within %d s: its requests are refused for the rest of"
                            + " the window",
                    limit.maxFailures(), address, window.toSeconds());
        }
    }

    long trackedAddresses() {
        return limit.trackedKeys();
    }

    /** Forgets every address; tests start from a clean count with it. */
    void forgetAll() {
        limit.forgetAll();
    }
}
