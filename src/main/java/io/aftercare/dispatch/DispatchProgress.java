package io.aftercare.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Whether dispatch is moving, judged from what one node knows: its own threads and runs, and what the database says of
 * the whole cluster. The dispatch trigger fires on one node per firing, so a node that has not run lately proves
 * nothing; only texts left waiting while the trigger fires nowhere, or a node's own stuck or failing runs, do.
 */
final class DispatchProgress {

    /** The threads a node's dispatcher cannot work without; none of them comes back once dead. */
    record Threads(boolean scheduler, boolean senders, boolean recorder) {}

    /**
     * This node's runs.
     *
     * @param runningIdle while a run is under way, how long since it last claimed or finished a text
     * @param failingFor while this node's latest runs all ended in an error, how long since the first of them
     */
    record Runs(Optional<Duration> runningIdle, Optional<Duration> failingFor) {}

    private DispatchProgress() {}

    /** @return what is dead, or nothing when every thread the dispatcher needs is alive */
    static Optional<String> deadThreads(Threads threads) {
        List<String> dead = new ArrayList<>();
        if (!threads.scheduler()) {
            dead.add("the Quartz scheduler thread is dead");
        }
        if (!threads.senders()) {
            dead.add("the sender pool is shut down");
        }
        if (!threads.recorder()) {
            dead.add("the sent-recorder thread is dead");
        }
        return dead.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", dead));
    }

    /**
     * @param triggerOverdue how far the dispatch trigger's next firing lies in the past (negative: ahead), or empty
     *     when it is not scheduled at all
     * @param textsWaiting whether a text that could be claimed has waited longer than {@code stallAfter}; asked only
     *     when the answer decides, as it costs a query
     * @return why dispatch is stalled, or nothing while it moves
     */
    static Optional<String> stall(
            Runs runs, Optional<Duration> triggerOverdue, BooleanSupplier textsWaiting, Duration stallAfter) {
        if (runs.runningIdle().filter(idle -> idle.compareTo(stallAfter) > 0).isPresent()) {
            return Optional.of("a dispatch run on this node has claimed and sent nothing for "
                    + seconds(runs.runningIdle().get()));
        }
        boolean triggerStuck =
                triggerOverdue.map(overdue -> overdue.compareTo(stallAfter) > 0).orElse(true);
        boolean runsFailing = runs.failingFor()
                .filter(failing -> failing.compareTo(stallAfter) > 0)
                .isPresent();
        if (!triggerStuck && !runsFailing) {
            return Optional.empty();
        }
        if (!textsWaiting.getAsBoolean()) {
            return Optional.empty();
        }
        if (triggerStuck) {
            return Optional.of("texts have waited over " + seconds(stallAfter) + " and the dispatch trigger "
                    + triggerOverdue
                            .map(overdue -> "has fired nowhere in the cluster for " + seconds(overdue))
                            .orElse("is not scheduled"));
        }
        return Optional.of("texts have waited over " + seconds(stallAfter) + " and every dispatch run on this node has"
                + " failed for " + seconds(runs.failingFor().get()));
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
