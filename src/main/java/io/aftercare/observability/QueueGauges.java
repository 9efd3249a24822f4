package io.aftercare.observability;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aftercare.pause.PauseScope;
import io.aftercare.pause.SendingPauses;
import io.aftercare.reminder.DueBacklog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The queue as a scrape sees it: texts due and not sent, how long the oldest of them has waited, and how many pauses
 * stop sending, by scope (a clinic's own, the account's, the sender's). Read from the database at most once per {@link #FRESH_FOR} however often Prometheus scrapes (every
 * node answers the same figures: they are the cluster's, not the node's).
 */
// Created at start-up, so that the gauges are in the first scrape.
@Startup
@ApplicationScoped
class QueueGauges {

    static final String DUE_UNSENT = "aftercare.texts.due.unsent";
    static final String OLDEST_DUE_AGE = "aftercare.texts.oldest.due.age";
    static final String SENDING_PAUSED = "aftercare.sending.paused";

    static final Duration FRESH_FOR = Duration.ofSeconds(15);

    private record Snapshot(double due, double oldestAgeSeconds, Map<PauseScope, Long> paused) {
        static final Snapshot UNKNOWN = new Snapshot(Double.NaN, Double.NaN, Map.of());

        double paused(PauseScope scope) {
            Long count = paused.get(scope);
            return count == null ? Double.NaN : count;
        }
    }

    private final Function<Instant, DueBacklog.Backlog> backlog;
    private final Supplier<Map<PauseScope, Long>> pauses;
    private final Clock clock;
    private final Cache<Boolean, Snapshot> latest =
            Caffeine.newBuilder().expireAfterWrite(FRESH_FOR).maximumSize(1).build();

    @Inject
    QueueGauges(DueBacklog backlog, SendingPauses pauses, Clock clock, MeterRegistry registry) {
        this(backlog::at, pauses::countsByScope, clock, registry);
    }

    QueueGauges(
            Function<Instant, DueBacklog.Backlog> backlog,
            Supplier<Map<PauseScope, Long>> pauses,
            Clock clock,
            MeterRegistry registry) {
        this.backlog = backlog;
        this.pauses = pauses;
        this.clock = clock;
        gauge(registry, DUE_UNSENT, null, "Texts due and not sent yet, of every clinic", Snapshot::due, null);
        gauge(
                registry,
                OLDEST_DUE_AGE,
                "seconds",
                "How long the oldest text due and not sent has waited; 0 when none is due",
                Snapshot::oldestAgeSeconds,
                null);
        for (PauseScope scope : PauseScope.values()) {
            gauge(
                    registry,
                    SENDING_PAUSED,
                    null,
                    "Pauses that stop sending: clinics paused on their own, or the account or sender (every clinic)",
                    snapshot -> snapshot.paused(scope),
                    scope.name().toLowerCase(Locale.ROOT));
        }
    }

    private void gauge(
            MeterRegistry registry,
            String name,
            String unit,
            String description,
            ToDoubleFunction<Snapshot> value,
            String scope) {
        Gauge.Builder<QueueGauges> builder = Gauge.builder(name, this, gauges -> value.applyAsDouble(gauges.snapshot()))
                .description(description)
                .baseUnit(unit);
        if (scope != null) {
            builder.tag("scope", scope);
        }
        builder.register(registry);
    }

    private Snapshot snapshot() {
        return latest.get(Boolean.TRUE, ignored -> read());
    }

    private Snapshot read() {
        Instant now = clock.instant();
        try {
            DueBacklog.Backlog due = backlog.apply(now);
            double age = due.oldestDueAt()
                    .map(oldest -> Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0))
                    .orElse(0.0);
            return new Snapshot(due.due(), age, pauses.get());
        } catch (RuntimeException e) {
            // A database that does not answer is the readiness check's to report; the scrape goes on without these.
            Log.debugf("Queue gauges not read: %s", e.getClass().getSimpleName());
            return Snapshot.UNKNOWN;
        }
    }
}
