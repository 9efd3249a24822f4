package io.aftercare.dispatch;

import io.aftercare.config.AftercareConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * How fast one node claims and sends: how many texts a claim takes, how many claimed texts may wait for a sender, and
 * when each text of a batch may go under the sender's rate limit. The slots themselves are reserved for the whole
 * cluster in the database ({@link SendRate}); this only sizes the batches and spreads them over their slots.
 */
final class Pacing {

    /** How far ahead a rate-limited node claims and reserves sending slots. */
    static final Duration RATE_WINDOW = Duration.ofSeconds(5);

    private final int configuredBatchSize;
    private final int concurrency;
    private final Optional<Duration> spacing;

    /**
     * @param batchSize the most texts one claim takes
     * @param concurrency how many texts the node sends at the same time
     * @param maxPerSecond the sender's limit for the whole cluster; 0 for none
     */
    Pacing(int batchSize, int concurrency, double maxPerSecond) {
        this.configuredBatchSize = batchSize;
        this.concurrency = concurrency;
        this.spacing = maxPerSecond > 0
                ? Optional.of(Duration.ofNanos(Math.round(1_000_000_000 / maxPerSecond)))
                : Optional.empty();
    }

    static Pacing from(AftercareConfig config) {
        return new Pacing(
                config.dispatch().batchSize(),
                config.dispatch().concurrency(),
                config.sms().maxPerSecond());
    }

    int concurrency() {
        return concurrency;
    }

    /** The time between two texts of the sender, when it has a limit. */
    Optional<Duration> spacing() {
        return spacing;
    }

    /** Under a rate limit, a claim takes only what the sender may send in the next few seconds, well within a lease. */
    int batchSize() {
        if (spacing.isEmpty()) {
            return configuredBatchSize;
        }
        long perHalfWindow = Math.max(
                1, RATE_WINDOW.toMillis() / 2 / Math.max(1, spacing.get().toMillis()));
        return (int) Math.min(configuredBatchSize, perHalfWindow);
    }

    /**
     * How many claimed texts may wait for a sender at once: the next batch is claimed while the last one is still being
     * sent, so that the senders never wait for the database. Under a limit that is two half-window batches, so the
     * next batch's slots follow the last one's without a gap and no text is claimed more than a window ahead.
     */
    int mostOutstanding() {
        return spacing.isEmpty() ? concurrency + batchSize() : 2 * batchSize();
    }

    /** When each of {@code count} texts may go: all at {@code first} without a limit, else one slot after another. */
    List<Instant> slots(Instant first, int count) {
        if (spacing.isEmpty()) {
            return Collections.nCopies(count, first);
        }
        return IntStream.range(0, count)
                .mapToObj(i -> first.plus(spacing.get().multipliedBy(i)))
                .toList();
    }
}
