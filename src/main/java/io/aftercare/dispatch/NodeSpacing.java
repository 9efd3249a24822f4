package io.aftercare.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps this node's sends at least the sender's spacing apart when their slots have already passed by the time a
 * sender reaches them: after a cold start or a slow first request, the texts of a batch whose slots went by would
 * otherwise all go at once and overrun the limit. No text goes before its reserved slot ({@link SendRate}).
 */
// Hand-written: one compare-and-set on the last instant handed out; a rate-limiter library keeps its own clock and
// permits, while the slots here come from the cluster's reservation and the time from the DatabaseClock.
final class NodeSpacing {

    private final Duration spacing;
    private final Duration horizon;
    private final AtomicReference<Instant> lastGiven = new AtomicReference<>();

    /**
     * @param spacing the time between two texts of the sender
     * @param horizon how far ahead a send can rightly be put off: further off than that, the last instant was given by
     *     a clock that has since stepped back, and is forgotten rather than waited for
     */
    NodeSpacing(Duration spacing, Duration horizon) {
        this.spacing = spacing;
        this.horizon = horizon;
    }

    /**
     * When the text reserved for {@code slot} may go, asked by its sender at {@code now}: its slot if that is still
     * ahead, else no sooner than now and one spacing after the last send this node was given.
     */
    Instant sendAt(Instant slot, Instant now) {
        return lastGiven.updateAndGet(last -> {
            Instant given = slot.isAfter(now) ? slot : now;
            if (last != null) {
                Instant afterLast = last.plus(spacing);
                if (afterLast.isAfter(given) && !afterLast.isAfter(now.plus(horizon))) {
                    given = afterLast;
                }
            }
            return given;
        });
    }
}
