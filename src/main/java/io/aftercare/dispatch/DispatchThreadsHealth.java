package io.aftercare.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * Down when a thread this node's dispatcher needs has died: Quartz's scheduler thread (it fires the dispatch trigger),
 * the sender pool, the thread that records sent texts. An {@code OutOfMemoryError} kills such threads and leaves the
 * rest of the service answering. Liveness as well as readiness: none of them ever comes back, so only a restart
 * mends the node, and the check reads nothing but this process, so a database outage cannot restart every node.
 */
@Liveness
@Readiness
@ApplicationScoped
class DispatchThreadsHealth implements HealthCheck {

    private final Dispatcher dispatcher;
    private final AttemptOutcomes attemptOutcomes;
    private final String schedulerThreadName;
    private volatile Thread schedulerThread;

    DispatchThreadsHealth(Dispatcher dispatcher, AttemptOutcomes attemptOutcomes, Scheduler quartz)
            throws SchedulerException {
        this.dispatcher = dispatcher;
        this.attemptOutcomes = attemptOutcomes;
        // Quartz's default name for it (org.quartz.scheduler.threadName), which Quarkus keeps.
        this.schedulerThreadName = quartz.getSchedulerName() + "_QuartzSchedulerThread";
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> dead = DispatchProgress.deadThreads(new DispatchProgress.Threads(
                schedulerThreadAlive(), dispatcher.sendersAccepting(), attemptOutcomes.recorderAlive()));
        return HealthCheckResponse.named("dispatch-threads")
                .status(dead.isEmpty())
                .withData("dead", dead.orElse("none"))
                .build();
    }

    /** Quartz keeps its thread to itself: found by name once, then watched. */
    private boolean schedulerThreadAlive() {
        Thread thread = schedulerThread;
        if (thread == null || !thread.isAlive()) {
            thread = liveThreadNamed(schedulerThreadName);
            schedulerThread = thread;
        }
        return thread != null;
    }

    private static Thread liveThreadNamed(String name) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() * 2 + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            if (threads[i].isAlive() && name.equals(threads[i].getName())) {
                return threads[i];
            }
        }
        return null;
    }
}
