package io.aftercare.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * Clients' replies by triage category ({@code aftercare_replies_total}) and attempts to deliver the clinics' webhooks
 * by outcome ({@code aftercare_webhook_deliveries_total}), each counted once the transaction recording it committed.
 */
// Created at start-up, so that every series is in the first scrape, before any reply or delivery.
@Startup
@ApplicationScoped
public class InboundMetrics {

    static final String REPLIES = "aftercare.replies";
    static final String WEBHOOK_DELIVERIES = "aftercare.webhook.deliveries";

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    InboundMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
        List.of("urgent", "question", "other", "keyword").forEach(this::replies);
        List.of("delivered", "failed", "gone").forEach(this::deliveries);
    }

    private Counter replies(String category) {
        return Counter.builder(REPLIES)
                .description("Clients' texts kept, by triage category")
                .tag("category", category)
                .register(registry);
    }

    private Counter deliveries(String outcome) {
        return Counter.builder(WEBHOOK_DELIVERIES)
                .description("Attempts to deliver a webhook, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** A reply kept, in its category ({@code URGENT}, {@code QUESTION}, {@code OTHER}, {@code KEYWORD}). */
    public void replyReceived(String category) {
        Counter counter = replies(category.toLowerCase(Locale.ROOT));
        afterCommit.run(counter::increment);
    }

    /**
     * One attempt to deliver a webhook, recorded: {@code delivered} (2xx), {@code gone} (410: the endpoint is disabled)
     * or {@code failed} (retried later, or given up on).
     */
    public void webhookAttempt(String outcome) {
        Counter counter = deliveries(outcome);
        afterCommit.run(counter::increment);
    }
}
