package io.aftercare.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    @Test
    void shouldLetTheFirstSendGoAloneThenSpaceTheTextsThatWaitedForIt() throws Exception {
        CountDownLatch firstInFlight = new CountDownLatch(1);
        CountDownLatch firstAnswered = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> spacing.send(NOW, () -> NOW, at -> {
            firstInFlight.countDown();
            awaitLatch(firstAnswered);
        }));
        firstInFlight.await(5, TimeUnit.SECONDS);
        // Slow first request: the texts reserved behind it are reached 300 ms late, their slots passed.
        Instant afterFirst = NOW.plusMillis(300);
        List<CompletableFuture<Instant>> waiting = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Instant slot = NOW.plus(SPACING.multipliedBy(i));
            CompletableFuture<Instant> given = new CompletableFuture<>();
            CompletableFuture.runAsync(() -> spacing.send(slot, () -> afterFirst, given::complete));
            waiting.add(given);
        }

        await().during(Duration.ofMillis(100))
                .atMost(Duration.ofSeconds(1))
                .until(() -> waiting.stream().noneMatch(CompletableFuture::isDone));
        firstAnswered.countDown();
        first.get(5, TimeUnit.SECONDS);
        List<Instant> given = new ArrayList<>();
        for (CompletableFuture<Instant> text : waiting) {
            given.add(text.get(5, TimeUnit.SECONDS));
        }
        assertThat(given)
                .containsExactlyInAnyOrder(
                        afterFirst, afterFirst.plus(SPACING), afterFirst.plus(SPACING.multipliedBy(2)));
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
