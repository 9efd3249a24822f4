package io.aftercare.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes draining a burst together stay within the sender's messages-per-second allowance, as a cluster. */
@AftercareTest
@TestProfile(ManualDispatchProfile.class)
class SendRateTest {

    private static final int TEXTS = 50;
    private static final double PER_SECOND = 5;
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");

    @Inject
    Dispatcher dispatcher;

    @Inject
    TestClock clock;

    @Inject
    SendRate sendRate;

    @InjectTwilioDouble
    TwilioDouble twilio;

    private Pacing configured;

    @BeforeEach
    void fiveTextsPerSecond() {
        configured = dispatcher.pacing();
        dispatcher.pace(new Pacing(configured.batchSize(), configured.concurrency(), PER_SECOND));
    }

    @AfterEach
    void reset() {
        dispatcher.pace(configured);
    }

    @Test
    void shouldHoldTheClusterToTheSendersRateThroughABurst() throws Exception {
        clock.setNow(NOON.plusMinutes(1).toInstant());
        for (int i = 0; i < TEXTS; i++) {
            Sessions.postFor("+1604555%04d".formatted(1000 + i), NOON);
        }
        twilio.acceptEverything();

        List<Integer> handled = Drains.together(dispatcher, "node-a", "node-b");

        assertThat(handled).allSatisfy(texts -> assertThat(texts).isPositive());
        assertThat(handled.get(0) + handled.get(1)).isEqualTo(TEXTS);

        List<Long> sentAt = twilio.messageRequests().stream()
                .map(request -> request.getLoggedDate().getTime())
                .sorted()
                .toList();
        assertThat(sentAt).hasSize(TEXTS);
        double seconds = (sentAt.get(TEXTS - 1) - sentAt.get(0)) / 1000.0;
        double rate = (TEXTS - 1) / seconds;
        // Arrival times at the double also carry the machine's pauses (a stalled JVM delivers several requests at
        // once),
        // so the rate is judged over the whole burst; the exact spacing is the slots' (next test).
        assertThat(rate).as("texts per second over %.1f s", seconds).isBetween(PER_SECOND * 0.9, PER_SECOND * 1.1);
    }

    @Test
    void shouldHandOutEachSlotOnceWhenNodesReserveTogether() throws Exception {
        Duration spacing = Duration.ofMillis(200);
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        List<CompletableFuture<Instant>> reservations = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> sendRate.reserve("test-sender", 3, spacing, now, Duration.ofMinutes(2))))
                .toList();

        List<Instant> slots = new ArrayList<>();
        for (CompletableFuture<Instant> reservation : reservations) {
            Instant first = reservation.get();
            IntStream.range(0, 3).forEach(i -> slots.add(first.plus(spacing.multipliedBy(i))));
        }

        assertThat(slots).doesNotHaveDuplicates().hasSize(24);
        assertThat(slots.stream().sorted().toList())
                .isEqualTo(IntStream.range(0, 24)
                        .mapToObj(i -> now.plus(spacing.multipliedBy(i)))
                        .toList());
    }

    @Test
    void shouldGiveUpSlotsReservedFurtherAheadThanAClaimLasts() {
        Duration spacing = Duration.ofMillis(200);
        Duration lease = Duration.ofMinutes(2);
        Instant now = Instant.parse("2031-01-01T00:00:00Z");
        // Reserved while the clock ran 23 days ahead, before it was set right.
        sendRate.reserve("stepped-clock", 10, spacing, now.plus(Duration.ofDays(23)), lease);

        assertThat(sendRate.reserve("stepped-clock", 3, spacing, now, lease)).isEqualTo(now);
        assertThat(sendRate.reserve("stepped-clock", 3, spacing, now, lease))
                .isEqualTo(now.plus(spacing.multipliedBy(3)));
    }
}
