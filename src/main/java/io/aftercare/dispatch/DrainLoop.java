package io.aftercare.dispatch;

import io.aftercare.config.AftercareConfig;
import io.aftercare.db.DatabaseClock;
import io.aftercare.optout.OptOutChanged;
import io.aftercare.pause.SendingPauseChanged;
import io.aftercare.problem.RedactedFailure;
import io.aftercare.reminder.ReminderClaims;
import io.aftercare.reminder.TextsScheduled;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * When this node drains the queue: one run at a time, on one thread of its own, whenever something asks for one. The
 * clustered dispatch trigger asks every {@code aftercare.dispatch.interval} on some node of the cluster, whatever became
 * of the others: it is what sends a dead node's texts, and texts that other nodes wrote. On top of that a node wakes
 * itself (unless {@code aftercare.dispatch.wake-up} is off): the moment the next waiting text falls due, as soon as a
 * text written on this node ({@link TextsScheduled}), a lifted pause or an opt-in makes one due sooner, and at once when
 * a run used up its slice with texts still due. Runs ask the database's clock (DatabaseClock), and a node out of step
 * claims nothing, so plans no wake-up either; the trigger starts it again once its clock is set right.
 */
@ApplicationScoped
class DrainLoop {

    /** Longest a planned wake-up sleeps: the clock it was planned by may step meanwhile, or be shifted by tests. */
    static final Duration LONGEST_SLEEP = Duration.ofMinutes(1);

    /**
     * Texts falling due closer together than this go in one claim: a node wakes for them at most twenty times a second,
     * each text at most this much later for it.
     */
    static final Duration GATHER = Duration.ofMillis(50);

    private final Dispatcher dispatcher;
    private final ReminderClaims claims;
    private final NodeIdentity node;
    private final DatabaseClock clock;
    private final boolean wakeUp;
    private final ScheduledThreadPoolExecutor thread;
    // The run planned and not started yet (at most one), when it starts, and the ticket that tells it from a later one.
    private ScheduledFuture<?> planned;
    private Instant plannedFor;
    private long ticket;

    DrainLoop(
            Dispatcher dispatcher,
            ReminderClaims claims,
            NodeIdentity node,
            DatabaseClock clock,
            AftercareConfig config) {
        this.dispatcher = dispatcher;
        this.claims = claims;
        this.node = node;
        this.clock = clock;
        this.wakeUp = config.dispatch().wakeUp();
        this.thread = new ScheduledThreadPoolExecutor(1, task -> {
            Thread runs = new Thread(task, "dispatch-runs");
            runs.setDaemon(true);
            return runs;
        });
        this.thread.setRemoveOnCancelPolicy(true);
    }

    /** A run as soon as the one under way, if any, is over: what the dispatch trigger asks for. */
    void runNow() {
        runAt(clock.instant());
    }

    /** Unless wake-ups are off, a run at {@code due} (by the database's clock) or, past it, as soon as may be. */
    void wakeAt(Instant due) {
        if (wakeUp) {
            runAt(due);
        }
    }

    /** A run at {@code due}, unless one is planned no later. */
    private synchronized void runAt(Instant due) {
        Instant now = clock.instant();
        Instant at = due.isAfter(now.plus(LONGEST_SLEEP)) ? now.plus(LONGEST_SLEEP) : due;
        // Rounded up: a run a fraction of a millisecond early would not find the text due, and wait a gather for it.
        long delayMicros = Math.max(0, (Duration.between(now, at).toNanos() + 999) / 1_000);
        // Compared by the time left to wait, not by the instants: a clock that stepped forward since the planned run
        // was
        // set would otherwise keep it, still waiting out its old delay, in place of a run due now.
        if (planned != null && planned.getDelay(TimeUnit.MICROSECONDS) <= delayMicros) {
            return;
        }
        if (planned != null) {
            planned.cancel(false);
        }
        long mine = ++ticket;
        try {
            planned = thread.schedule(() -> run(mine), delayMicros, TimeUnit.MICROSECONDS);
            plannedFor = at;
        } catch (RejectedExecutionException e) {
            // Shutting down.
            planned = null;
        }
    }

    void onTextsScheduled(@Observes(during = TransactionPhase.AFTER_SUCCESS) TextsScheduled texts) {
        wakeAt(texts.earliestDueAt());
    }

    /** Texts held by a pause may be due already: they go now rather than at the next trigger. */
    void onPauseChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SendingPauseChanged change) {
        if (!change.paused()) {
            wakeAt(clock.instant());
        }
    }

    /** A number that opted back in has its held texts scheduled again, some of them due already. */
    void onOptOutChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OptOutChanged change) {
        if (!change.optedOut()) {
            wakeAt(clock.instant());
        }
    }

    private void run(long mine) {
        synchronized (this) {
            if (ticket == mine) {
                planned = null;
                plannedFor = null;
            }
        }
        Dispatcher.Ended ended;
        try {
            ended = dispatcher.drainOnce(node.id());
        } catch (RuntimeException e) {
            Log.errorf(RedactedFailure.of(e), "A dispatch run failed; the dispatch trigger starts the next");
            return;
        }
        if (!wakeUp) {
            return;
        }
        switch (ended) {
            case SLICE_USED_UP -> runNow();
            case NOTHING_DUE -> planForNextDue();
            case HALTED -> {
                // Stopping, or out of step: the trigger starts runs again once this node may claim.
            }
        }
    }

    private void planForNextDue() {
        Instant now = clock.instant();
        try {
            claims.nextDue(now).ifPresent(due -> {
                Instant gathered = now.plus(GATHER);
                runAt(due.isBefore(gathered) ? gathered : due);
            });
        } catch (RuntimeException e) {
            Log.debugf(
                    "Next due text not known (%s); the dispatch trigger starts the next run",
                    e.getClass().getSimpleName());
        }
    }

    /** Whether a run is planned, and for when: for tests. */
    synchronized Optional<Instant> plannedFor() {
        return Optional.ofNullable(plannedFor);
    }

    @PreDestroy
    void stop() {
        // The runs are over by now (Dispatcher#onShutdown waited for them); a planned one is dropped.
        thread.shutdownNow();
    }
}
