package io.aftercare.staff;

import com.github.benmanes.caffeine.cache.Ticker;
import io.aftercare.config.AftercareConfig;
import io.aftercare.ratelimit.FixedWindows;
import io.quarkus.logging.Log;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Counts failed sign-ins per client address in fixed windows ({@code aftercare.staff.sign-in-failure-window}); an
 * address that reaches {@code aftercare.staff.max-failed-sign-ins-per-address} is refused, before any password is
 * checked, until its window ends. The per-account lockout stops guessing one account's password; this stops one
 * address trying a common password on every account, and bounds the bcrypt work a stranger can cause. A success does
 * not reset the count: one valid account would otherwise let its holder keep guessing others.
 * <p>
 * Per node, in memory, as {@code auth/FailedAuthentications}: n nodes let at most n times the limit through. Behind a
 * reverse proxy, enable {@code quarkus.http.proxy.proxy-address-forwarding} so the address is the client's.
 */
@ApplicationScoped
public class SignInAddressLimit {

    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})\\.\\d{1,3}$");

    private final int maxFailures;
    private final Duration window;
    private final FixedWindows windows;

    @Inject
    SignInAddressLimit(AftercareConfig config) {
        this(config.staff().maxFailedSignInsPerAddress(), config.staff().signInFailureWindow(), Ticker.systemTicker());
    }

    SignInAddressLimit(int maxFailures, Duration window, Ticker ticker) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.windows = new FixedWindows(window, ticker);
    }

    /** How long the address must wait before its sign-ins are looked at again, if it is refused now. */
    Optional<Duration> refusedFor(String address) {
        return windows.current(address)
                .filter(counted ->
                        counted.count() >= maxFailures && !counted.remaining().isZero())
                .map(FixedWindows.Counted::remaining);
    }

    /** Counts one failed sign-in from the address; the one that reaches the limit is logged, the address masked. */
    void recordFailure(String address) {
        if (windows.count(address).count() == maxFailures) {
            Log.warnf(
                    "%d failed sign-ins from %s within %d minutes: its sign-ins are refused for the rest of the window",
                    maxFailures, masked(address), window.toMinutes());
        }
    }

    /** Forgets every address; tests start from a clean count with it. */
    public void forgetAll() {
        windows.forgetAll();
    }

    /** The peer's address, or the forwarded client's when {@code quarkus.http.proxy.proxy-address-forwarding} is on. */
    static String clientAddress(RoutingContext context) {
        SocketAddress remote = context.request().remoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.hostAddress() != null ? remote.hostAddress() : remote.toString();
    }

    /**
     * An address as the log shows it: its network, not the person's own address ({@code 203.0.113.x},
     * {@code 2001:db8:85a3:…}).
     */
    static String masked(String address) {
        var ipv4 = IPV4.matcher(address);
        if (ipv4.matches()) {
            return ipv4.group(1) + ".x";
        }
        String[] groups = address.split(":", -1);
        if (groups.length >= 4) {
            return groups[0] + ":" + groups[1] + ":" + groups[2] + ":…";
        }
        return "an address";
    }
}
