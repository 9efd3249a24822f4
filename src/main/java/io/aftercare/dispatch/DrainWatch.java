package io.aftercare.dispatch;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the health check needs of this node's runs: whether one is under way without moving, and whether they keep
 * failing; and what shutdown needs: to wait for the runs under way. Timed with {@link System#nanoTime()}: the
 * application's clock may step (and is shifted in tests), and a step must not read as a stall.
 */
final class DrainWatch {

    private final AtomicInteger running = new AtomicInteger();
    // Written by every sender as it finishes a text: a plain volatile store, no lock on the send path.
    private volatile long lastProgress = System.nanoTime();
    private volatile long failingSince;
    private volatile boolean failing;

    void started() {
        lastProgress = System.nanoTime();
        running.incrementAndGet();
    }

    /** A claim came back or a text was finished (sent, retried, released or failed). */
    void progressed() {
        lastProgress = System.nanoTime();
    }

    void ended(boolean succeeded) {
        if (succeeded) {
            failing = false;
        } else if (!failing) {
            failingSince = System.nanoTime();
            failing = true;
        }
        synchronized (running) {
            running.decrementAndGet();
            running.notifyAll();
        }
    }

    /** Waits until no run is under way, for at most {@code wait}. */
    void awaitNoneRunning(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (running) {
            while (running.get() > 0 && System.nanoTime() < deadline) {
                running.wait(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
            }
        }
    }

    DispatchProgress.Runs runs() {
        long now = System.nanoTime();
        return new DispatchProgress.Runs(
                running.get() > 0 ? Optional.of(Duration.ofNanos(now - lastProgress)) : Optional.empty(),
                failing ? Optional.of(Duration.ofNanos(now - failingSince)) : Optional.empty());
    }
}
