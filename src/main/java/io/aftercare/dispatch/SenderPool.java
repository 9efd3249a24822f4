package io.aftercare.dispatch;

import io.aftercare.observability.DispatchMetrics;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that send claimed texts. The SMS SDK blocks for a whole round trip, so a node sends as many texts at once
 * as it has senders ({@code aftercare.dispatch.concurrency}).
 */
final class SenderPool {

    private final ThreadPoolExecutor threads;

    SenderPool(int size, DispatchMetrics metrics) {
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(
                size,
                size,
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                task -> new Thread(task, "sms-sender-" + count.incrementAndGet()));
        metrics.watchSenders(threads);
    }

    /** @throws java.util.concurrent.RejectedExecutionException once the pool is shut down */
    void execute(Runnable send) {
        threads.execute(send);
    }

    /** Whether the pool still takes texts (a worker that dies is replaced; a shut-down pool is gone). */
    boolean accepting() {
        return !threads.isShutdown();
    }

    /** Grows or shrinks the pool; a sender busy with a text finishes it first. */
    void resize(int size) {
        if (size > threads.getMaximumPoolSize()) {
            threads.setMaximumPoolSize(size);
            threads.setCorePoolSize(size);
        } else {
            threads.setCorePoolSize(size);
            threads.setMaximumPoolSize(size);
        }
    }

    /** Lets the senders finish the texts they were given for at most {@code wait}, then interrupts them. */
    void shutdown(Duration wait) {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.shutdownNow();
        }
    }
}
