package io.aftercare.dispatch;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A due text claimed by one dispatcher. {@code claimedBy} and {@code attempt} fence the claim: an outcome is recorded
 * only while the claim is still this one, so a node that stalled past its lease cannot overwrite a newer attempt.
 *
 * @param unknownSince set when an earlier attempt may have reached the provider: check before sending again
 */
record ClaimedText(
        UUID reminderId,
        UUID clinicId,
        String to,
        String body,
        Optional<Instant> expiresAt,
        Optional<Instant> unknownSince,
        String claimedBy,
        int attempt) {}
