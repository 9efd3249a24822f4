package io.aftercare.webhook;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * The clustered Quartz trigger that drives deliveries: each firing runs on one node, which puts the deliveries of
 * nodes that died back in the queue and claims what its threads can take. Nodes that claim at the same time share the
 * queue through row locks.
 */
@ApplicationScoped
class WebhookJob {

    private final DeliveryClaims claims;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    WebhookJob(DeliveryClaims claims, WebhookDispatcher dispatcher, Clock clock) {
        this.claims = claims;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Scheduled(
            identity = "deliver-webhooks",
            every = "${aftercare.webhooks.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        int released = claims.releaseExpired(clock.instant());
        if (released > 0) {
            Log.warnf(
                    "Put %d webhook deliveries back in the queue: the node that claimed them did not finish within its"
                            + " lease",
                    released);
        }
        dispatcher.claimDue();
    }
}
