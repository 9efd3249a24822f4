package io.aftercare.dispatch;

import io.aftercare.reminder.ClaimedText;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a claim must be renewed in the database just before its text goes to the provider. A claim can only be lost
 * once its lease has run out (nothing else touches a text being sent), so a claim whose lease outlasts the longest a
 * request can take is still this node's until the provider has the text, and renewing it would write a row per text
 * and prove nothing. A text that waited for a sender, a rate slot or a lookup until its lease ran short is renewed,
 * and not sent if the claim was lost.
 */
final class ClaimRenewal {

    private final Duration longestRequest;

    ClaimRenewal(Duration longestRequest) {
        this.longestRequest = longestRequest;
    }

    /**
     * @throws IllegalStateException when the lease is no longer than one request may take: a request could then still
     *     be on its way to the provider when another node takes the text over, finds nothing sent, and sends it again
     */
    static ClaimRenewal of(Duration lease, Duration connectTimeout, Duration responseTimeout) {
        // Waiting for a pooled connection and opening one are each bounded by the connect timeout.
        Duration longestRequest = connectTimeout.multipliedBy(2).plus(responseTimeout);
        if (lease.compareTo(longestRequest) <= 0) {
            throw new IllegalStateException(("aftercare.dispatch.claim-lease (%s) must be longer than twice"
                            + " aftercare.twilio.connect-timeout plus aftercare.twilio.response-timeout (%s): a claim must"
                            + " outlast the request that sends its text")
                    .formatted(lease, longestRequest));
        }
        return new ClaimRenewal(longestRequest);
    }

    boolean needed(ClaimedText text, Instant now) {
        return !text.leaseEnds().isAfter(now.plus(longestRequest));
    }
}
