package io.aftercare.dispatch;

import io.aftercare.config.AftercareConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a claim must be renewed in the database before its text is sent. A claim can only be lost once its lease
 * has run out (nothing else touches a text being sent), so a claim whose lease outlasts the longest the send can take
 * is still this node's for the whole send, and renewing it would write a row per text and prove nothing. A text that
 * waited for a sender or a rate slot until its lease ran short is renewed, and not sent if the claim was lost.
 */
final class ClaimRenewal {

    private final Duration longestSend;

    ClaimRenewal(Duration longestSend) {
        this.longestSend = longestSend;
    }

    /** Twice the provider's timeouts: a check of an earlier attempt and the send itself. */
    static ClaimRenewal from(AftercareConfig.Twilio twilio) {
        return new ClaimRenewal(twilio.connectTimeout().plus(twilio.responseTimeout()).multipliedBy(2));
    }

    boolean needed(ClaimedText text, Instant now) {
        return !text.leaseEnds().isAfter(now.plus(longestSend));
    }
}
