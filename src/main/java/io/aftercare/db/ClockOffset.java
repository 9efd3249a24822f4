package io.aftercare.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * How far the database's clock is ahead of this node's (negative: behind), read as NTP reads a server: the database's
 * time is taken to be that of the midpoint of the round trip that fetched it, and of several round trips the shortest
 * wins, its midpoint being the least uncertain (by at most half the round trip).
 */
// Hand-written: no library in the build measures an offset to a SQL server, and the arithmetic is four lines.
final class ClockOffset {

    static final int SAMPLES = 3;

    private ClockOffset() {}

    /** One reading: the offset, and the round trip it is uncertain by (half of it, at most). */
    record Sample(Duration offset, Duration roundTrip) {}

    /** The sample with the shortest round trip out of {@code samples} reads of {@code database} between two reads of {@code node}. */
    static Sample measure(Clock node, Supplier<Instant> database, int samples) {
        Sample best = null;
        for (int i = 0; i < samples; i++) {
            Instant sent = node.instant();
            Instant databaseTime = database.get();
            Instant received = node.instant();
            Duration roundTrip = Duration.between(sent, received);
            Instant midpoint = sent.plus(roundTrip.dividedBy(2));
            Sample sample = new Sample(Duration.between(midpoint, databaseTime), roundTrip);
            if (best == null || sample.roundTrip().compareTo(best.roundTrip()) < 0) {
                best = sample;
            }
        }
        return best;
    }

    /** Whether {@code offset} is within {@code bound} either way. */
    static boolean within(Duration offset, Duration bound) {
        return offset.abs().compareTo(bound) <= 0;
    }

    /** {@code +150.2 s}: the offset as the log and the readiness check show it. */
    static String describe(Duration offset) {
        return "%+.1f s".formatted(offset.toNanos() / 1e9);
    }
}
