package io.aftercare.page;

import com.github.benmanes.caffeine.cache.Ticker;
import io.aftercare.config.AftercareConfig;
import io.aftercare.ratelimit.FixedWindows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Counts the page requests of each client address in fixed one-minute windows; past
 * {@code aftercare.page.max-requests-per-minute} in a window, the address is refused until the window ends. Every
 * request counts, for a page found or not, so tokens cannot be tried at speed (128 random bits are out of reach
 * anyway; this keeps a scan from loading the database).
 * <p>
 * Per node, in memory, like {@code auth.FailedAuthentications}: n nodes let at most n times the limit through. Behind a
 * reverse proxy, enable {@code quarkus.http.proxy.proxy-address-forwarding} so the address is the client's.
 */
@ApplicationScoped
class PageRequestLimit {

    static final Duration WINDOW = Duration.ofMinutes(1);

    static final int MAX_TRACKED_ADDRESSES = FixedWindows.MAX_TRACKED_KEYS;

    private final int maxRequests;
    private final FixedWindows windows;

    @Inject
    PageRequestLimit(AftercareConfig config) {
        this(config.page().maxRequestsPerMinute(), Ticker.systemTicker());
    }

    PageRequestLimit(int maxRequests, Ticker ticker) {
        this.maxRequests = maxRequests;
        this.windows = new FixedWindows(WINDOW, ticker);
    }

    /** Counts one request from the address; answers how long it must wait when it is over the limit. */
    Optional<Duration> count(String address) {
        FixedWindows.Counted counted = windows.count(counted(address));
        return counted.count() <= maxRequests ? Optional.empty() : Optional.of(counted.remaining());
    }

    /**
     * What one client's requests count under: an IPv4 address, or an IPv6 address's /64. One subscriber or host is
     * given a whole /64 (RFC 6177), so counting IPv6 addresses one by one would let it try 2^64 of them each at the
     * limit.
     */
    static String counted(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal with a colon is parsed, never looked up in DNS.
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet4Address) {
                return parsed.getHostAddress(); // an IPv4-mapped address counts as the IPv4 one
            }
            byte[] bytes = parsed.getAddress();
            return InetAddress.getByAddress(Arrays.copyOf(Arrays.copyOf(bytes, 8), 16))
                            .getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    long trackedAddresses() {
        return windows.trackedKeys();
    }

    /** Forgets every address; tests start from a clean count with it. */
    void forgetAll() {
        windows.forgetAll();
    }
}
