package io.aftercare.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PageRequestLimitTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = nanos::get;
    private final PageRequestLimit limit = new PageRequestLimit(3, ticker);

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void shouldLetTheLimitThroughThenRefuseForTheRestOfTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(limit.count("203.0.113.7")).isEmpty();
        }
        advance(Duration.ofSeconds(20));

        assertThat(limit.count("203.0.113.7")).contains(Duration.ofSeconds(40));
        assertThat(limit.count("198.51.100.2"))
                .as("another address counts apart")
                .isEmpty();
    }

    @Test
    void shouldCountRefusedRequestsAndStartAfreshInTheNextWindow() {
        for (int i = 0; i < 10; i++) {
            limit.count("203.0.113.7");
        }
        advance(Duration.ofSeconds(59));
        assertThat(limit.count("203.0.113.7")).isPresent();

        advance(Duration.ofSeconds(1));

        assertThat(limit.count("203.0.113.7")).isEmpty();
    }

    @Test
    void shouldForgetTheLeastRecentAddressesPastItsBound() {
        for (int i = 0; i < PageRequestLimit.MAX_TRACKED_ADDRESSES * 2; i++) {
            limit.count("address-" + i);
        }

        assertThat(limit.trackedAddresses()).isLessThanOrEqualTo(PageRequestLimit.MAX_TRACKED_ADDRESSES);
    }

    @Test
    void shouldCountAnIpv6ClientsWhole64AsOneAddress() {
        // One host is given a /64: rotating through it must not reset the count.
        for (int i = 0; i < 3; i++) {
            assertThat(limit.count("2001:db8:1:2:" + Integer.toHexString(i) + ":0:0:1"))
                    .isEmpty();
        }

        assertThat(limit.count("2001:db8:1:2:ffff:ffff:ffff:ffff")).isPresent();
        assertThat(limit.count("2001:db8:1:3:0:0:0:1"))
                .as("the next /64 is another client")
                .isEmpty();
    }

    @Test
    void shouldCountAnIpv4MappedAddressAsTheIpv4One() {
        for (int i = 0; i < 3; i++) {
            limit.count("203.0.113.7");
        }

        assertThat(limit.count("::ffff:203.0.113.7")).isPresent();
    }
}
