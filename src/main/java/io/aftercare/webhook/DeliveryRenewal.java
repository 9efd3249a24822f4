package io.aftercare.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a claimed delivery's lease must be renewed in the database before its attempt. Deliveries are claimed only
 * for threads that are free, so an attempt nearly always starts milliseconds after its claim with the whole lease
 * ahead, and renewing it then writes a row per event and proves nothing (a fifth of the time PostgreSQL spent on a
 * delivery's statements in the benchmark, docs/performance.md). A claim with less than half its lease left, or less
 * than the longest attempt, is renewed, and not delivered if it was lost meanwhile.
 */
/** @param wanted how much of the lease must be left for the attempt to go ahead without renewing it */
record DeliveryRenewal(Duration wanted) {

    /** @param longestAttempt the longest one attempt may take, from its start to its outcome */
    static DeliveryRenewal of(Duration lease, Duration longestAttempt) {
        Duration half = lease.dividedBy(2);
        return new DeliveryRenewal(half.compareTo(longestAttempt) > 0 ? half : longestAttempt);
    }

    boolean needed(ClaimedDelivery delivery, Instant now) {
        return !delivery.leaseEnds().isAfter(now.plus(wanted));
    }
}
