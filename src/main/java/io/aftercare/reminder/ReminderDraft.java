package io.aftercare.reminder;

import java.time.Instant;

/**
 * A text to record for a session.
 *
 * @param status {@code SCHEDULED} to be sent; {@code SKIPPED} when its advice no longer applies; {@code SUPERSEDED}
 *     when a later session of the client already governs its aftercare
 */
public record ReminderDraft(String step, Instant dueAt, String body, ReminderStatus status) {}
