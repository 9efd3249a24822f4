package io.aftercare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedAuthenticationsTest {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final FailedAuthentications failures = new FailedAuthentications(3, WINDOW, ticker);

    @Test
    void shouldRefuseAnAddressOnceItReachesTheLimitUntilTheWindowEnds() {
        failures.recordFailure("203.0.113.7");
        failures.recordFailure("203.0.113.7");
        assertThat(failures.refusedFor("203.0.113.7")).isEmpty();

        failures.recordFailure("203.0.113.7");
        nanos.addAndGet(Duration.ofSeconds(20).toNanos());

        assertThat(failures.refusedFor("203.0.113.7")).contains(Duration.ofSeconds(40));
    }

    @Test
    void shouldStartAFreshWindowOnceTheWindowHasPassed() {
        for (int i = 0; i < 3; i++) {
            failures.recordFailure("203.0.113.7");
        }
        nanos.addAndGet(WINDOW.toNanos());

        assertThat(failures.refusedFor("203.0.113.7")).isEmpty();
        failures.recordFailure("203.0.113.7");
        assertThat(failures.refusedFor("203.0.113.7")).isEmpty();
    }

    @Test
    void shouldCountEachAddressOnItsOwn() {
        for (int i = 0; i < 3; i++) {
            failures.recordFailure("203.0.113.7");
        }
        failures.recordFailure("198.51.100.1");

        assertThat(failures.refusedFor("203.0.113.7")).isPresent();
        assertThat(failures.refusedFor("198.51.100.1")).isEmpty();
        assertThat(failures.refusedFor("2001:db8::1")).isEmpty();
    }

    @Test
    void shouldTrackABoundedNumberOfAddressesWhateverTheAttackerRotatesThrough() {
        for (int i = 0; i < FailedAuthentications.MAX_TRACKED_ADDRESSES * 3; i++) {
            failures.recordFailure("10.%d.%d.%d".formatted(i >> 16 & 255, i >> 8 & 255, i & 255));
        }

        assertThat(failures.trackedAddresses()).isLessThanOrEqualTo(FailedAuthentications.MAX_TRACKED_ADDRESSES);
    }
}
