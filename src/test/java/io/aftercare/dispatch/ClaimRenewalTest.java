package io.aftercare.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aftercare.reminder.ClaimedText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClaimRenewalTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private final ClaimRenewal renewal = new ClaimRenewal(Duration.ofSeconds(40));

    @Test
    void shouldNotRenewAClaimWhoseLeaseOutlastsTheLongestSend() {
        assertThat(renewal.needed(claimUntil(NOW.plusSeconds(119)), NOW)).isFalse();
    }

    @Test
    void shouldRenewAClaimThatMightRunOutDuringTheSend() {
        assertThat(renewal.needed(claimUntil(NOW.plusSeconds(40)), NOW)).isTrue();
        assertThat(renewal.needed(claimUntil(NOW.plusSeconds(5)), NOW)).isTrue();
    }

    @Test
    void shouldRenewAClaimWhoseLeaseHasRunOut() {
        assertThat(renewal.needed(claimUntil(NOW.minusSeconds(1)), NOW)).isTrue();
    }

    @Test
    void shouldRenewWhenLessThanTheLongestRequestIsLeft() {
        ClaimRenewal renewal = ClaimRenewal.of(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(2));

        assertThat(renewal.needed(claimUntil(NOW.plusMillis(4_001)), NOW)).isFalse();
        assertThat(renewal.needed(claimUntil(NOW.plusSeconds(4)), NOW)).isTrue();
    }

    @Test
    void shouldRefuseALeaseThatARequestCouldOutlast() {
        assertThatThrownBy(() -> ClaimRenewal.of(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aftercare.dispatch.claim-lease (PT5S) must be longer than");
        assertThatThrownBy(() -> ClaimRenewal.of(Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofMinutes(2)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static ClaimedText claimUntil(Instant leaseEnds) {
        return new ClaimedText(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "+16045550123",
                "body",
                Optional.empty(),
                Optional.empty(),
                ZoneOffset.UTC,
                Optional.empty(),
                "node-a",
                1,
                leaseEnds,
                NOW);
    }
}
