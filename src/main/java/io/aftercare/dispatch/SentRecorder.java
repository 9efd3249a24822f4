package io.aftercare.dispatch;

import io.aftercare.observability.TextMetrics;
import io.aftercare.reminder.ClaimedText;
import io.aftercare.reminder.SendOutcomes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Records accepted texts in batches: each sender hands its text over and waits, while one thread writes everything
 * handed over in the meantime with a single fenced UPDATE. In a burst, a transaction per text would be most of what
 * the database does.
 */
final class SentRecorder {

    private static final int MOST_PER_UPDATE = 500;
    private static final Duration IDLE_POLL = Duration.ofMillis(100);
    /** A sender waits no longer than this for its row; past it the claim runs out and the text is checked before any resend. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private record Pending(SendOutcomes.Sent sent, CompletableFuture<Boolean> recorded) {}

    private final SendOutcomes outcomes;
    private final TextMetrics metrics;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    SentRecorder(SendOutcomes outcomes, TextMetrics metrics) {
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.writer = new Thread(this::writeUntilClosed, "sent-recorder");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Records {@code text} as sent, once written.
     *
     * @return false when the claim had been lost (lease expired and taken over): nothing was written
     */
    boolean record(ClaimedText text, String providerId, Instant sentAt) {
        Pending pending = new Pending(new SendOutcomes.Sent(text, providerId, sentAt), new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.recorded().get(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted before reminder " + text.reminderId() + " was recorded", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Reminder " + text.reminderId() + " was sent but not recorded", e);
        }
    }

    private void writeUntilClosed() {
        List<Pending> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MOST_PER_UPDATE - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            Set<SendOutcomes.Claim> written =
                    outcomes.recordSent(batch.stream().map(Pending::sent).toList());
            for (Pending pending : batch) {
                boolean recorded =
                        written.contains(SendOutcomes.Claim.of(pending.sent().text()));
                if (recorded) {
                    metrics.lateness(Duration.between(
                            pending.sent().text().dueAt(), pending.sent().at()));
                }
                pending.recorded().complete(recorded);
            }
        } catch (Throwable e) {
            // The database did not take it: the texts stay claimed, and come back as of unknown outcome after the
            // lease.
            // Whatever it was, the writer lives on: senders waiting for it would hold up every drain after.
            batch.forEach(pending -> pending.recorded().completeExceptionally(e));
        }
    }

    /** False once the writer has died: nothing handed over would be written again. */
    boolean isAlive() {
        return writer.isAlive();
    }

    /** Writes what was handed over, waiting for it at most {@code wait}, then stops. */
    void close(Duration wait) throws InterruptedException {
        closed = true;
        writer.join(Math.max(1, wait.toMillis()));
    }
}
