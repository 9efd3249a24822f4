package io.aftercare.reminder;

import java.time.Instant;
import java.util.Optional;

/**
 * A text to record for a session.
 *
 * @param expiresAt when its advice stops applying; a text not sent by then expires
 * @param status {@code SCHEDULED} to be sent; {@code SKIPPED} when its advice no longer applies; {@code SUPERSEDED}
 *     when a later session of the client already governs its aftercare
 */
public record ReminderDraft(
        String step, Instant dueAt, Optional<Instant> expiresAt, String body, ReminderStatus status) {}
