package io.aftercare.dispatch;

import io.aftercare.config.AftercareConfig;
import io.aftercare.db.DatabaseClock;
import io.aftercare.observability.DispatchMetrics;
import io.aftercare.reminder.ReminderClaims;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;

/**
 * Sends the texts that are due: claims a batch and hands it to the senders ({@link BatchHandOff}), and repeats until
 * nothing is due or its time slice is used up. When a node runs is {@link DrainLoop}'s; a run's bookkeeping for the
 * health check and shutdown is {@link Run}'s; how much it claims and when each text may go is {@link Pacing}'s; how one
 * text is sent is {@link SendProtocol}'s, and how its outcome is recorded {@link AttemptOutcomes}'.
 *
 * <p>Shutdown has one budget, {@code aftercare.shutdown-wait} (B), spent in this order: Quarkus waits up to B for the
 * HTTP requests in flight ({@code quarkus.shutdown.timeout}); {@link #onShutdown} stops claiming and waits up to B for
 * the runs under way, each of which ends once every text it claimed is recorded or handed back; Quartz then waits up to
 * B for its jobs ({@code quarkus.quartz.shutdown-wait-time}); last, {@link #stop} gives senders still in a request
 * (only when a run outlived B) two thirds of B, and the recorder one third to write what they sent.
 */
// The run loop and shutdown share the runs' state (stopping, the room the loop's runs share, each run's texts still
// being sent), so they stay together; everything else a run does is in the classes named above.
// Created at start-up, so that settings it cannot work with stop the service there rather than at the first send.
@Startup
@ApplicationScoped
public class Dispatcher {

    private final SendProtocol protocol;
    private final AttemptOutcomes attemptOutcomes;
    private final Duration shutdownWait;
    private final DatabaseClock clock;
    private final SenderPool senders;
    private final DrainWatch watch = new DrainWatch();
    private final BatchHandOff handOff;
    private volatile Pacing pacing;
    private volatile Lane lane;
    private volatile Duration slice;
    private volatile boolean stopping;

    Dispatcher(
            ReminderClaims claims,
            SendProtocol protocol,
            AttemptOutcomes attemptOutcomes,
            SendRate sendRate,
            AftercareConfig config,
            DatabaseClock clock,
            DispatchMetrics metrics) {
        this.protocol = protocol;
        this.attemptOutcomes = attemptOutcomes;
        this.shutdownWait = config.shutdownWait();
        this.clock = clock;
        this.pacing = Pacing.from(config);
        this.lane = new Lane(pacing);
        this.slice = config.dispatch().maxRunTime();
        this.senders = new SenderPool(pacing.concurrency(), metrics);
        this.handOff = new BatchHandOff(claims, protocol, sendRate, config.dispatch(), clock, metrics, senders, watch);
    }

    /** Why a run stopped claiming. */
    enum Ended {
        /** A claim came back empty: the next run is due when the next text is ({@link ReminderClaims#nextDue}). */
        NOTHING_DUE,
        /** The run's time slice ran out while it still found texts: the next run may start at once. */
        SLICE_USED_UP,
        /** The node is stopping, or its clock is out of step with the database's: it claims nothing now. */
        HALTED
    }

    /**
     * Sends due texts as {@code node} until none is left or the run's time slice ends, and waits until every text it
     * claimed is sent and recorded, or handed back. Tests drain this way, as nodes of a cluster would.
     *
     * @return how many texts were handed to the gateway
     */
    public int drain(String node) {
        Pacing current = pacing;
        Run run = new Run(watch);
        try {
            return claimAsLongAsDue(node, current, new Semaphore(current.mostOutstanding()), run);
        } finally {
            run.awaitOver();
        }
    }

    /**
     * One run of this node's own loop ({@link DrainLoop}): claims as {@link #drain} does, but returns as soon as it
     * claims no more, while its texts are still being sent. The loop's runs share one room for claimed texts, so the
     * next run claims as the last one's texts go out (their rate slots follow on without a gap), never more at once.
     */
    Ended drainOnce(String node) {
        Lane current = lane;
        Run run = new Run(watch);
        claimAsLongAsDue(node, current.pacing(), current.room(), run);
        return run.ended();
    }

    private int claimAsLongAsDue(String node, Pacing pacing, Semaphore room, Run run) {
        Instant deadline = clock.instant().plus(slice);
        int handled = 0;
        boolean succeeded = false;
        try {
            // A node whose clock is out of step with the database's claims nothing (DatabaseClock).
            while (!stopping && clock.inStep()) {
                int size = pacing.batchSize();
                room.acquireUninterruptibly(size);
                // Waiting for room may have seen the node start to stop: claim nothing more then.
                if (stopping) {
                    room.release(size);
                    break;
                }
                int claimed = handOff.claimAndSubmit(node, size, room, pacing, run);
                if (claimed == 0) {
                    run.endedBecause(Ended.NOTHING_DUE);
                    break;
                }
                handled += claimed;
                if (!clock.instant().isBefore(deadline)) {
                    run.endedBecause(Ended.SLICE_USED_UP);
                    break;
                }
            }
            succeeded = true;
            return handled;
        } finally {
            run.claimingOver(succeeded);
        }
    }

    /** This node's runs, for the health check. */
    DispatchProgress.Runs runs() {
        return watch.runs();
    }

    /** Whether the sender pool still takes texts. */
    boolean sendersAccepting() {
        return senders.accepting();
    }

    /**
     * Paces the runs that start from now on as {@code pacing} says, with as many senders: tests try batch sizes,
     * concurrency and rate limits this way instead of restarting the application with other settings.
     */
    void pace(Pacing pacing) {
        senders.resize(pacing.concurrency());
        this.pacing = pacing;
        this.lane = new Lane(pacing);
    }

    /** Ends the runs that start from now on after {@code slice} rather than {@code aftercare.dispatch.max-run-time}. */
    void slice(Duration slice) {
        this.slice = slice;
    }

    /** How the runs are paced now. */
    Pacing pacing() {
        return pacing;
    }

    /**
     * On shutdown no new batch is claimed, texts not yet started are handed back, and shutdown waits here (the
     * database is still open) until the texts being sent are recorded.
     */
    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        protocol.stop();
        try {
            watch.awaitNoneRunning(shutdownWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        senders.shutdown(shutdownWait.multipliedBy(2).dividedBy(3));
        try {
            attemptOutcomes.closeRecorder(shutdownWait.dividedBy(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
