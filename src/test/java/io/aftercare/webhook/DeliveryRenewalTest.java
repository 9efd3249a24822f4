package io.aftercare.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryRenewalTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);
    private final DeliveryRenewal renewal = DeliveryRenewal.of(LEASE, Duration.ofSeconds(8));

    @Test
    void shouldNotRenewAClaimJustTaken() {
        assertThat(renewal.needed(claimedAt(NOW.minusMillis(5)), NOW)).isFalse();
        assertThat(renewal.needed(claimedAt(NOW.minusSeconds(29)), NOW)).isFalse();
    }

    @Test
    void shouldRenewAClaimThatWaitedHalfItsLease() {
        assertThat(renewal.needed(claimedAt(NOW.minusSeconds(30)), NOW)).isTrue();
        assertThat(renewal.needed(claimedAt(NOW.minusSeconds(55)), NOW)).isTrue();
    }

    @Test
    void shouldRenewAClaimWhoseLeaseHasRunOut() {
        assertThat(renewal.needed(claimedAt(NOW.minus(LEASE).minusSeconds(1)), NOW))
                .isTrue();
    }

    @Test
    void shouldRenewWhenLessThanTheLongestAttemptIsLeftOfAShortLease() {
        // A 3 s lease and attempts of up to 2.5 s: half the lease would not cover one attempt.
        DeliveryRenewal shortLease = DeliveryRenewal.of(Duration.ofSeconds(3), Duration.ofMillis(2_500));

        assertThat(shortLease.needed(leaseEnding(NOW.plusMillis(2_501)), NOW)).isFalse();
        assertThat(shortLease.needed(leaseEnding(NOW.plusMillis(2_500)), NOW)).isTrue();
        assertThat(shortLease.needed(leaseEnding(NOW.plusSeconds(2)), NOW)).isTrue();
    }

    @Test
    void shouldAlwaysRenewWhenTheLeaseIsNoLongerThanAnAttempt() {
        DeliveryRenewal tooShort = DeliveryRenewal.of(Duration.ofSeconds(5), Duration.ofSeconds(8));

        assertThat(tooShort.needed(leaseEnding(NOW.plusSeconds(5)), NOW)).isTrue();
    }

    private static ClaimedDelivery claimedAt(Instant claimed) {
        return leaseEnding(claimed.plus(LEASE));
    }

    private static ClaimedDelivery leaseEnding(Instant leaseEnds) {
        return new ClaimedDelivery(
                UUID.randomUUID(),
                1,
                NOW.plus(Duration.ofHours(24)),
                "msg_0",
                "{}",
                UUID.randomUUID(),
                "https://clinic.example/hooks",
                List.of(WebhookSecret.generate()),
                "node-a",
                leaseEnds);
    }
}
