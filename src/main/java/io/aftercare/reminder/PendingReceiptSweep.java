package io.aftercare.reminder;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Clears the delivery receipts kept for sids no text came to carry ({@link ProviderReceipts#sweep}). */
@ApplicationScoped
class PendingReceiptSweep {

    private final ProviderReceipts receipts;
    private final Clock clock;

    PendingReceiptSweep(ProviderReceipts receipts, Clock clock) {
        this.receipts = receipts;
        this.clock = clock;
    }

    @Scheduled(
            identity = "pending-receipt-sweep",
            every = "10m",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        receipts.sweep(clock.instant());
    }
}
