package io.aftercare.webhook;

import io.aftercare.config.AftercareConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Claims due deliveries and makes them on threads of its own ({@code aftercare.webhooks.concurrency}), never the texts'
 * senders nor the scheduler's: a receiver that never answers holds at most its endpoint's share of these threads, for
 * at most one attempt's timeout, and nothing else. It claims no more than it has free threads, and claims again as
 * threads free up while work is waiting, so the scheduler's thread is held for one claim only.
 */
// Over 150 lines: the claim loop, the thread pool and shutdown share the free-thread count, so they stay together; the
// HTTP request, signing and outcomes are in classes of their own.
@ApplicationScoped
class WebhookDispatcher {

    /** A claimed delivery waiting for a thread; kept so that shutdown can hand it back. */
    private record Task(ClaimedDelivery delivery, Runnable body) implements Runnable {
        @Override
        public void run() {
            body.run();
        }
    }

    private final DeliveryClaims claims;
    private final WebhookDelivery delivery;
    private final Clock clock;
    private final AftercareConfig.Webhooks config;
    private final ThreadPoolExecutor workers;
    private final String node;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean missed = new AtomicBoolean();
    private volatile boolean moreDue;
    private volatile boolean stopping;

    WebhookDispatcher(DeliveryClaims claims, WebhookDelivery delivery, Clock clock, AftercareConfig config) {
        this.claims = claims;
        this.delivery = delivery;
        this.clock = clock;
        this.config = config.webhooks();
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(
                this.config.concurrency(),
                this.config.concurrency(),
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                task -> new Thread(task, "webhook-sender-" + count.incrementAndGet()));
        this.node = "webhooks-" + ManagementFactory.getRuntimeMXBean().getName() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Claims as many due deliveries as there are free threads, and hands them to the threads; returns at once. A thread
     * that finishes while another claims leaves its free slot to that one, which claims once more when it is done:
     * without that, the slot stayed idle until the next thread finished or the next trigger, and deliveries started
     * together finish together, all but one of them finding a claim under way.
     */
    void claimDue() {
        while (!stopping) {
            if (!claiming.compareAndSet(false, true)) {
                missed.set(true);
                if (claiming.get()) {
                    return; // the thread claiming sees the flag when it is done, and claims for this one's slot
                }
                continue; // it was done already
            }
            try {
                missed.set(false);
                claimForFreeThreads();
            } finally {
                claiming.set(false);
            }
            if (!missed.get()) {
                return;
            }
        }
    }

    private void claimForFreeThreads() {
        try {
            int free = config.concurrency() - inFlight.get();
            if (free <= 0) {
                moreDue = true;
                return;
            }
            List<ClaimedDelivery> claimed =
                    claims.claimDue(node, free, config.maxInFlightPerEndpoint(), clock.instant(), config.claimLease());
            // Something was due: more may be (another endpoint's turn, or one held back by its cap), so each thread
            // that finishes claims again rather than waiting for the next trigger. Nothing due: the trigger looks next.
            moreDue = !claimed.isEmpty();
            for (ClaimedDelivery claim : claimed) {
                inFlight.incrementAndGet();
                try {
                    workers.execute(new Task(claim, () -> attemptThenClaimMore(claim)));
                } catch (RejectedExecutionException e) {
                    inFlight.decrementAndGet();
                    claims.release(claim, clock.instant());
                }
            }
        } catch (RuntimeException e) {
            Log.warnf(
                    "Claiming webhook deliveries failed (%s); the next run tries again",
                    e.getClass().getSimpleName());
        }
    }

    private void attemptThenClaimMore(ClaimedDelivery claim) {
        try {
            delivery.attempt(claim);
        } catch (RuntimeException e) {
            // The claim's lease runs out and the delivery is made again: nothing is lost.
            Log.warnf(
                    "Webhook delivery %s: recording its attempt failed (%s)",
                    claim.deliveryId(), e.getClass().getSimpleName());
        } finally {
            inFlight.decrementAndGet();
        }
        if (moreDue) {
            claimDue();
        }
    }

    /** Deliveries this node is making or holds for a thread. */
    int inFlight() {
        return inFlight.get();
    }

    /** Stops claiming and hands back the claimed deliveries no thread has started; those under way finish. */
    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        List<Runnable> waiting = new ArrayList<>();
        workers.getQueue().drainTo(waiting);
        for (Runnable task : waiting) {
            if (task instanceof Task unstarted) {
                claims.release(unstarted.delivery(), clock.instant());
                inFlight.decrementAndGet();
            }
        }
        workers.shutdown();
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
        Duration wait = config.connectTimeout().plus(config.responseTimeout()).plusSeconds(1);
        try {
            if (!workers.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow(); // their leases run out and another node delivers them again
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }
}
