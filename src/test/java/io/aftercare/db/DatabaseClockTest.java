package io.aftercare.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DatabaseClockTest {

    private static final Instant REAL = Instant.parse("2026-12-02T09:00:00Z");
    private static final Duration BOUND = Duration.ofSeconds(2);

    @Test
    void shouldTakeTheDatabaseTimeAsThatOfTheRoundTripsMidpoint() {
        // The node's clock is 150 s ahead; the database answers 40 ms into a 100 ms round trip.
        SteppingClock node = new SteppingClock(REAL.plusSeconds(150), Duration.ofMillis(100));

        ClockOffset.Sample sample = ClockOffset.measure(node, () -> REAL.plusMillis(40), 1);

        assertThat(sample.roundTrip()).isEqualTo(Duration.ofMillis(100));
        assertThat(sample.offset()).isEqualTo(Duration.ofSeconds(-150).minusMillis(10));
    }

    @Test
    void shouldKeepTheSampleWithTheShortestRoundTrip() {
        List<Duration> roundTrips = List.of(Duration.ofMillis(300), Duration.ofMillis(20), Duration.ofMillis(200));
        List<Instant> reads = new ArrayList<>();
        Instant at = REAL;
        for (Duration roundTrip : roundTrips) {
            reads.add(at);
            reads.add(at.plus(roundTrip));
            at = at.plus(roundTrip).plusSeconds(1);
        }
        Clock node = new ScriptedClock(reads);
        // The database reads 5 s ahead of the node at the end of each round trip: only the shortest trip's midpoint
        // is close to when it read.
        List<Instant> databaseReads = new ArrayList<>();
        for (int i = 0; i < roundTrips.size(); i++) {
            databaseReads.add(reads.get(2 * i + 1).plusSeconds(5));
        }
        ScriptedClock database = new ScriptedClock(databaseReads);

        ClockOffset.Sample sample = ClockOffset.measure(node, database::instant, 3);

        assertThat(sample.roundTrip()).isEqualTo(Duration.ofMillis(20));
        assertThat(sample.offset()).isEqualTo(Duration.ofSeconds(5).plusMillis(10));
    }

    @Test
    void shouldTellTheDatabasesTimeOnANodeWhoseClockIsAheadAndStopTakingPart() {
        Clock node = Clock.fixed(REAL.plusSeconds(150), ZoneOffset.UTC);
        List<Boolean> gate = new ArrayList<>();
        DatabaseClock clock = new DatabaseClock(() -> REAL, node, node, BOUND, gate::add);

        assertThat(clock.inStep()).as("in step before any measurement").isFalse();
        assertThat(clock.measure()).isTrue();

        assertThat(clock.instant()).isEqualTo(REAL);
        assertThat(clock.offset()).contains(Duration.ofSeconds(-150));
        assertThat(clock.inStep()).isFalse();
        assertThat(gate).containsExactly(false);
        clock.stop();
    }

    @Test
    void shouldStartTakingPartOnceInStepAndStopWhenTheClockDriftsPastTheBound() {
        Clock node = Clock.fixed(REAL, ZoneOffset.UTC);
        AtomicReference<Instant> database = new AtomicReference<>(REAL.plusMillis(300));
        List<Boolean> gate = new ArrayList<>();
        DatabaseClock clock = new DatabaseClock(database::get, node, node, BOUND, gate::add);

        clock.measure();
        assertThat(clock.inStep()).isTrue();
        clock.measure();
        database.set(REAL.minusSeconds(3));
        clock.measure();
        assertThat(clock.inStep()).isFalse();
        database.set(REAL.plusMillis(1_999));
        clock.measure();

        assertThat(clock.inStep()).isTrue();
        assertThat(gate).as("the scheduler started, stopped and started again").containsExactly(true, false, true);
        clock.stop();
    }

    @Test
    void shouldKeepTheLastOffsetWhenTheDatabaseCannotBeAsked() {
        Clock node = Clock.fixed(REAL, ZoneOffset.UTC);
        AtomicReference<Instant> database = new AtomicReference<>(REAL.plusSeconds(1));
        DatabaseClock clock = new DatabaseClock(
                () -> {
                    Instant time = database.get();
                    if (time == null) {
                        throw new IllegalStateException("connection refused");
                    }
                    return time;
                },
                node,
                node,
                BOUND,
                inStep -> {});
        clock.measure();
        database.set(null);

        assertThat(clock.measure()).isFalse();
        assertThat(clock.offset()).contains(Duration.ofSeconds(1));
        assertThat(clock.inStep()).isTrue();
        clock.stop();
    }

    @Test
    void shouldMoveWithTheApplicationClockThatTestsShift() {
        Clock system = Clock.fixed(REAL, ZoneOffset.UTC);
        Clock shifted = Clock.fixed(REAL.plus(Duration.ofDays(3)), ZoneOffset.UTC);
        DatabaseClock clock = new DatabaseClock(() -> REAL.plusMillis(500), system, shifted, BOUND, inStep -> {});

        clock.measure();

        assertThat(clock.offset()).contains(Duration.ofMillis(500));
        assertThat(clock.instant()).isEqualTo(REAL.plus(Duration.ofDays(3)).plusMillis(500));
        clock.stop();
    }

    /** Moves on by {@code step} at each read. */
    private static final class SteppingClock extends Clock {
        private Instant now;
        private final Duration step;

        SteppingClock(Instant start, Duration step) {
            this.now = start;
            this.step = step;
        }

        @Override
        public Instant instant() {
            Instant read = now;
            now = now.plus(step);
            return read;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Answers the given instants in turn. */
    private static final class ScriptedClock extends Clock {
        private final List<Instant> reads;
        private int next;

        ScriptedClock(List<Instant> reads) {
            this.reads = reads;
        }

        @Override
        public Instant instant() {
            return reads.get(next++);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
