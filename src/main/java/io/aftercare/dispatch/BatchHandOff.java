package io.aftercare.dispatch;

import io.aftercare.config.AftercareConfig;
import io.aftercare.db.DatabaseClock;
import io.aftercare.observability.DispatchMetrics;
import io.aftercare.problem.RedactedFailure;
import io.aftercare.reminder.ClaimedText;
import io.aftercare.reminder.ReminderClaims;
import io.quarkus.logging.Log;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Claims one batch of due texts and hands each to the {@link SenderPool} with its rate slot, freeing its room in the
 * batch once it is sent or has failed. The run loop around it is {@link Dispatcher}'s.
 */
final class BatchHandOff {

    private final ReminderClaims claims;
    private final SendProtocol protocol;
    private final SendRate sendRate;
    private final AftercareConfig.Dispatch config;
    private final DatabaseClock clock;
    private final DispatchMetrics metrics;
    private final SenderPool senders;
    private final DrainWatch watch;

    BatchHandOff(
            ReminderClaims claims,
            SendProtocol protocol,
            SendRate sendRate,
            AftercareConfig.Dispatch config,
            DatabaseClock clock,
            DispatchMetrics metrics,
            SenderPool senders,
            DrainWatch watch) {
        this.claims = claims;
        this.protocol = protocol;
        this.sendRate = sendRate;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.senders = senders;
        this.watch = watch;
    }

    /**
     * Claims up to {@code size} texts, for which {@code room} was taken, and hands them to the senders.
     *
     * @return how many were claimed
     */
    int claimAndSubmit(String node, int size, Semaphore room, Pacing pacing, Run run) {
        int notSubmitted = size;
        try {
            List<ClaimedText> batch = claims.claimDue(node, size, clock.instant(), config.claimLease());
            metrics.claimed(batch.size());
            watch.progressed();
            room.release(size - batch.size());
            notSubmitted = batch.size();
            List<Instant> slots = sendRate.slots(batch.size(), pacing, clock.instant(), config.claimLease());
            for (int i = 0; i < batch.size(); i++) {
                ClaimedText text = batch.get(i);
                Instant slot = slots.get(i);
                run.textSubmitted();
                try {
                    senders.execute(() -> sendThenFreeRoom(text, slot, room, run));
                } catch (RuntimeException e) {
                    run.textOver();
                    throw e;
                }
                notSubmitted--;
            }
            return batch.size();
        } finally {
            // A claim or reservation that failed, or senders already shut down: the room goes back, or the run would
            // wait for it forever; texts claimed but not handed over stay claimed until their lease runs out.
            room.release(notSubmitted);
        }
    }

    private void sendThenFreeRoom(ClaimedText text, Instant slot, Semaphore room, Run run) {
        try {
            protocol.sendAt(text, slot);
        } catch (RuntimeException e) {
            Log.errorf(
                    RedactedFailure.of(e),
                    "Sending reminder %s failed; its claim runs out and it is checked before any resend",
                    text.reminderId());
        } finally {
            watch.progressed();
            room.release();
            run.textOver();
        }
    }
}
