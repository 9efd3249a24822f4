package io.aftercare.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeSpacingTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration SPACING = Duration.ofMillis(10);

    private final NodeSpacing spacing = new NodeSpacing(SPACING, Duration.ofSeconds(5));

    @Test
    void shouldKeepSlotsThatAreStillAhead() {
        assertThat(spacing.sendAt(NOW.plusMillis(30), NOW)).isEqualTo(NOW.plusMillis(30));
        assertThat(spacing.sendAt(NOW.plusMillis(40), NOW)).isEqualTo(NOW.plusMillis(40));
    }

    @Test
    void shouldSpreadTextsWhoseSlotsPassedInsteadOfSendingThemAtOnce() {
        // A cold start: the senders reach a batch reserved from NOW only 300 ms later, its first 30 slots gone by.
        Instant late = NOW.plusMillis(300);
        List<Instant> given = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            given.add(spacing.sendAt(NOW.plus(SPACING.multipliedBy(i)), late));
        }

        for (int i = 1; i < given.size(); i++) {
            assertThat(Duration.between(given.get(i - 1), given.get(i))).isEqualTo(SPACING);
        }
        assertThat(given.get(0)).isEqualTo(late);
    }

    @Test
    void shouldNeverSendBeforeTheReservedSlot() {
        spacing.sendAt(NOW, NOW);

        assertThat(spacing.sendAt(NOW.plusMillis(500), NOW)).isEqualTo(NOW.plusMillis(500));
    }

    @Test
    void shouldSendAtOnceAfterAnIdleSpell() {
        spacing.sendAt(NOW, NOW);

        Instant muchLater = NOW.plusSeconds(60);
        assertThat(spacing.sendAt(NOW.plusSeconds(59), muchLater)).isEqualTo(muchLater);
    }

    @Test
    void shouldForgetASendGivenBeforeTheClockSteppedBack() {
        spacing.sendAt(NOW.plusSeconds(3600), NOW.plusSeconds(3600));

        // An hour back: waiting for the last send's spacing would hold every sender for an hour.
        assertThat(spacing.sendAt(NOW, NOW)).isEqualTo(NOW);
    }
}
