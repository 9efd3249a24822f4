package io.aftercare.cluster;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds a node's requests at the Twilio double until no new one has come for a while, i.e. until every send the node
 * had under way is waiting here; then runs an action (freezing the node, say) and lets them all go. So the action
 * finds no thread of the node between deciding to send and sending.
 */
final class HeldCalls {

    private final Duration quiet;
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicLong lastArrival = new AtomicLong();
    private final Object lock = new Object();
    private boolean acting;

    HeldCalls(Duration quiet) {
        this.quiet = quiet;
    }

    void holdUntilQuiet(Runnable action) {
        lastArrival.set(System.nanoTime());
        synchronized (lock) {
            if (!acting) {
                acting = true;
                new Thread(() -> actWhenQuiet(action), "held-calls").start();
            }
        }
        try {
            released.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void actWhenQuiet(Runnable action) {
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> System.nanoTime() - lastArrival.get() >= quiet.toNanos());
            action.run();
        } finally {
            released.countDown();
        }
    }
}
