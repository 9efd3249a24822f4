package io.aftercare.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Clients' replies by triage category ({@code aftercare_replies_total}) and attempts to deliver the clinics' webhooks
 * by outcome ({@code aftercare_webhook_deliveries_total}), each counted once the transaction recording it committed.
 */
@ApplicationScoped
public class InboundMetrics {

    static final String REPLIES = "aftercare.replies";
    static final String WEBHOOK_DELIVERIES = "aftercare.webhook.deliveries";

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    InboundMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    /** A reply kept, in its category ({@code URGENT}, {@code QUESTION}, {@code OTHER}, {@code KEYWORD}). */
    public void replyReceived(String category) {
        Counter counter = Counter.builder(REPLIES)
                .description("Clients' texts kept, by triage category")
                .tag("category", category.toLowerCase(Locale.ROOT))
                .register(registry);
        afterCommit.run(counter::increment);
    }

    /**
     * One attempt to deliver a webhook, recorded: {@code delivered} (2xx), {@code gone} (410: the endpoint is disabled)
     * or {@code failed} (retried later, or given up on).
     */
    public void webhookAttempt(String outcome) {
        Counter counter = Counter.builder(WEBHOOK_DELIVERIES)
                .description("Attempts to deliver a webhook, by outcome")
                .tag("outcome", outcome)
                .register(registry);
        afterCommit.run(counter::increment);
    }
}
