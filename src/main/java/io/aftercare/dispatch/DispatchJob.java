package io.aftercare.dispatch;

import io.aftercare.db.DatabaseClock;
import io.aftercare.observability.DispatchMetrics;
import io.aftercare.reminder.ReminderClaims;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The clustered Quartz triggers that drive dispatch. With the JDBC job store each firing runs on one node of the
 * cluster; whichever node it is starts a run of its own loop ({@link DrainLoop}), and runs that overlap on two nodes
 * share the queue through row locks. Between firings a node wakes itself for its next due text.
 */
@ApplicationScoped
class DispatchJob {

    /** The dispatch trigger's name in Quartz's tables, where the health check looks for its next firing. */
    static final String DISPATCH_TRIGGER = "dispatch-due-texts";

    private final DrainLoop loop;
    private final ReminderClaims claims;
    private final DatabaseClock clock;
    private final DispatchMetrics metrics;

    DispatchJob(DrainLoop loop, ReminderClaims claims, DatabaseClock clock, DispatchMetrics metrics) {
        this.loop = loop;
        this.metrics = metrics;
        this.claims = claims;
        this.clock = clock;
    }

    @Scheduled(
            identity = DISPATCH_TRIGGER,
            every = "${aftercare.dispatch.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDueTexts() {
        // Returns at once: the run is the loop's, on its own thread, after the one under way if any.
        loop.runNow();
    }

    @Scheduled(
            identity = "release-expired-claims",
            every = "${aftercare.dispatch.release-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void releaseExpiredClaims() {
        // Texts claimed by a node that died or froze before recording their outcome go back in the queue.
        int released = claims.releaseExpired(clock.instant());
        metrics.takenOver(released);
        if (released > 0) {
            // They are due already: sent from here now rather than at the next trigger.
            loop.wakeAt(clock.instant());
            Log.warnf(
                    "Put %d texts back in the queue: the node that claimed them did not finish within its lease",
                    released);
        }
        int expired = claims.expireStale(clock.instant());
        if (expired > 0) {
            Log.infof("%d texts expired unsent: their advice no longer applied", expired);
        }
    }
}
