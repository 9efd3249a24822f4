package io.aftercare.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs a metric update once the caller's transaction has committed, or at once outside of one: a count must not take in
 * what a rollback undid.
 */
@ApplicationScoped
class AfterCommit {

    private final TransactionSynchronizationRegistry transactions;

    AfterCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    void run(Runnable update) {
        if (transactions == null || transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            update.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    update.run();
                }
            }
        });
    }

    /** For unit tests: no transaction, every update at once. */
    static AfterCommit immediate() {
        return new AfterCommit(null);
    }
}
