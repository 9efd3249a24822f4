package io.aftercare.erasure;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The clustered Quartz trigger of the retention purge: each firing runs on one node, which erases batch after batch
 * until no client is past retention; then, batch after batch too, keeps orphaned opt-outs as markers, erases replies
 * no clinic was named for, and deletes webhook events whose deliveries are over. Nodes that overlap share the work: each
 * skips the rows another has locked.
 */
@ApplicationScoped
class RetentionJob {

    private final RetentionPurge purge;

    RetentionJob(RetentionPurge purge) {
        this.purge = purge;
    }

    @Scheduled(
            identity = "retention-purge",
            every = "${aftercare.retention.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpiredClients() {
        int erased = purgeAll();
        if (erased > 0) {
            Log.infof("Retention purge erased %d clients past their clinic's retention", erased);
        }
    }

    /** @return how many clients were erased */
    int purgeAll() {
        int erased = 0;
        RetentionPurge.Batch batch;
        do {
            batch = purge.purgeBatch();
            erased += batch.erased();
            // A full batch may have more behind it; one that erased nothing would only find the same clients again.
        } while (batch.locked() == purge.batchSize() && batch.erased() > 0);
        int marked = 0;
        int batchMarked;
        do {
            batchMarked = purge.markOrphanedOptOuts();
            marked += batchMarked;
        } while (batchMarked == purge.batchSize());
        if (marked > 0) {
            Log.infof("Retention purge kept %d opt-outs of numbers no client holds any more as markers", marked);
        }
        int unattributed = 0;
        int batchErased;
        do {
            batchErased = purge.eraseUnattributedReplies();
            unattributed += batchErased;
        } while (batchErased == purge.batchSize());
        if (unattributed > 0) {
            Log.infof("Retention purge erased %d replies no clinic could be named for", unattributed);
        }
        int events = 0;
        int batchEvents;
        do {
            batchEvents = purge.purgeOldWebhookEvents();
            events += batchEvents;
        } while (batchEvents == purge.batchSize());
        if (events > 0) {
            Log.infof("Retention purge deleted %d webhook events whose deliveries were over", events);
        }
        return erased;
    }
}
