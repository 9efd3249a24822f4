package io.aftercare.dispatch;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run's bookkeeping: it is under way for the health check and for shutdown ({@link DrainWatch}) until it has
 * stopped claiming and every text it claimed has been sent and recorded, or handed back: shutdown waits for that, so
 * the database is still there for them.
 */
final class Run {

    private final DrainWatch watch;
    // The claiming itself, plus one for each text handed to the senders and not finished yet.
    private final AtomicInteger open = new AtomicInteger(1);
    private final CountDownLatch over = new CountDownLatch(1);
    private volatile boolean succeeded;
    private volatile Dispatcher.Ended ended = Dispatcher.Ended.HALTED;

    Run(DrainWatch watch) {
        this.watch = watch;
        watch.started();
    }

    /** Why the run stopped claiming; {@link Dispatcher.Ended#HALTED} unless it said otherwise. */
    Dispatcher.Ended ended() {
        return ended;
    }

    void endedBecause(Dispatcher.Ended ended) {
        this.ended = ended;
    }

    void textSubmitted() {
        open.incrementAndGet();
    }

    void textOver() {
        if (open.decrementAndGet() == 0) {
            watch.ended(succeeded);
            over.countDown();
        }
    }

    void claimingOver(boolean succeeded) {
        this.succeeded = succeeded;
        textOver();
    }

    void awaitOver() {
        boolean interrupted = false;
        while (true) {
            try {
                over.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
