package io.aftercare.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignInAddressLimitTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final SignInAddressLimit limit = new SignInAddressLimit(3, WINDOW, ticker);

    @Test
    void shouldRefuseAnAddressOnceItReachesTheLimitUntilTheWindowEnds() {
        limit.recordFailure("203.0.113.7");
        limit.recordFailure("203.0.113.7");
        assertThat(limit.refusedFor("203.0.113.7")).isEmpty();

        limit.recordFailure("203.0.113.7");
        nanos.addAndGet(Duration.ofMinutes(5).toNanos());

        assertThat(limit.refusedFor("203.0.113.7")).contains(Duration.ofMinutes(10));
        assertThat(limit.refusedFor("198.51.100.1")).isEmpty();
        nanos.addAndGet(Duration.ofMinutes(10).toNanos());
        assertThat(limit.refusedFor("203.0.113.7")).isEmpty();
    }

    @Test
    void shouldShowOnlyTheNetworkOfAnAddressInTheLog() {
        assertThat(SignInAddressLimit.masked("203.0.113.7")).isEqualTo("203.0.113.x");
        assertThat(SignInAddressLimit.masked("2001:db8:85a3:8d3:1319:8a2e:370:7348"))
                .isEqualTo("2001:db8:85a3:…");
        assertThat(SignInAddressLimit.masked("unknown")).isEqualTo("an address");
    }
}
