package io.aftercare.observability;

import io.aftercare.reminder.TextsChanged;
import io.aftercare.sms.FailureKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What became of the texts, counted once the transaction that recorded it committed ({@code aftercare_texts_total} by
 * {@code outcome}, failures also by {@code kind}), and how late they went out ({@code
 * aftercare_dispatch_lateness_seconds}). Never a clinic, number or body as a tag.
 */
// Created at start-up, so that every series is in the first scrape, before any text.
@Startup
@ApplicationScoped
public class TextMetrics {

    static final String TEXTS = "aftercare.texts";
    static final String LATENESS = "aftercare.dispatch.lateness";

    /** The failure kind of a text a provider accepted and later reported undelivered. */
    static final String UNDELIVERED = "undelivered";

    /** Buckets of the lateness histogram; 60 s is the alert's line. */
    private static final Duration[] LATENESS_BUCKETS = {
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofMinutes(2),
        Duration.ofMinutes(5),
        Duration.ofMinutes(15),
        Duration.ofHours(1)
    };

    // The kind travels from the decision (AttemptOutcomes) to the commit of the write it causes, both on this thread.
    private static final ThreadLocal<FailureKind> FAILING_AS = new ThreadLocal<>();

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;
    private final Counter sent;
    private final Counter delivered;
    private final Counter expired;
    private final Counter held;
    private final Counter skipped;
    private final Map<String, Counter> failed = new ConcurrentHashMap<>();
    private final Timer lateness;

    TextMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
        this.sent = outcome("sent");
        this.delivered = outcome("delivered");
        this.expired = outcome("expired");
        this.held = outcome("held");
        this.skipped = outcome("skipped");
        // Every series from the start, so that a rate over them is defined before the first failure.
        for (FailureKind kind : List.of(FailureKind.PERMANENT, FailureKind.TRANSIENT, FailureKind.UNKNOWN_OUTCOME)) {
            failedAs(kind.name().toLowerCase(Locale.ROOT));
        }
        failedAs(UNDELIVERED);
        this.lateness = Timer.builder(LATENESS)
                .description("How long after it came due a text was accepted by the provider")
                .serviceLevelObjectives(LATENESS_BUCKETS)
                .register(registry);
    }

    private Counter outcome(String outcome) {
        // Prometheus wants one set of tag keys per name: an empty kind, which a query reads as no kind at all.
        return Counter.builder(TEXTS)
                .description("Texts by what became of them")
                .tag("outcome", outcome)
                .tag("kind", "")
                .register(registry);
    }

    private Counter failedAs(String kind) {
        return failed.computeIfAbsent(
                kind,
                k -> Counter.builder(TEXTS)
                        .description("Texts by what became of them")
                        .tag("outcome", "failed")
                        .tag("kind", k)
                        .register(registry));
    }

    /** Counts the texts that reached SENT, DELIVERED, FAILED or EXPIRED, once their transaction has committed. */
    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TextsChanged changed) {
        String failedKind = Optional.ofNullable(FAILING_AS.get())
                .map(kind -> kind.name().toLowerCase(Locale.ROOT))
                .orElse(UNDELIVERED);
        for (TextsChanged.Change change : changed.changes()) {
            switch (change.status()) {
                case SENT -> sent.increment();
                case DELIVERED -> delivered.increment();
                case EXPIRED -> expired.increment();
                case FAILED -> failedAs(failedKind).increment();
                default -> {
                    // Observers hear of no other status.
                }
            }
        }
    }

    /**
     * Texts recorded as failed on this thread until the scope closes failed for this kind of reason; any other failure
     * is a provider's report that it could not deliver a text it had taken.
     */
    public Scope failingAs(FailureKind kind) {
        FailureKind before = FAILING_AS.get();
        FAILING_AS.set(kind);
        return () -> {
            if (before == null) {
                FAILING_AS.remove();
            } else {
                FAILING_AS.set(before);
            }
        };
    }

    /** Texts held while their number is opted out, counted once the caller's transaction commits. */
    public void held(int count) {
        if (count > 0) {
            afterCommit.run(() -> held.increment(count));
        }
    }

    /** Held texts whose time passed while their number was out, counted once the caller's transaction commits. */
    public void skipped(int count) {
        if (count > 0) {
            afterCommit.run(() -> skipped.increment(count));
        }
    }

    /** How late a text went out: from when it came due to when the provider took it, once that is recorded. */
    public void lateness(Duration late) {
        lateness.record(late.isNegative() ? Duration.ZERO : late);
    }

    /** Closes without an exception to catch. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
