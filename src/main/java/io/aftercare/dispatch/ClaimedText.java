package io.aftercare.dispatch;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A due text claimed by one dispatcher. {@code claimedBy} and {@code attempt} fence the claim: an outcome is recorded
 * only while the claim is still this one, so a node that stalled past its lease cannot overwrite a newer attempt.
 */
record ClaimedText(
        UUID reminderId, UUID clinicId, String to, String body, Optional<Instant> expiresAt, String claimedBy, int attempt) {}
