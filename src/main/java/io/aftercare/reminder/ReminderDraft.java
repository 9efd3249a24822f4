package io.aftercare.reminder;

import java.time.Instant;

/**
 * A text to record for a session.
 *
 * @param stale its advice no longer applies: it is recorded as skipped and never sent
 */
public record ReminderDraft(String step, Instant dueAt, String body, boolean stale) {}
