package io.aftercare.reminder;

import java.time.Instant;
import java.util.UUID;

/**
 * A text in a clinic-wide list (the dashboard's Today), without its words: who it goes to, when, and what became of
 * it.
 *
 * @param clientId the client's internal id
 * @param sessionId the session's internal id; null for a text of no session (a clinic's own, an urgent answer)
 * @param providerStatus the SMS provider's last word on it, if it said any
 * @param error why it failed, in words ({@code "30003: the handset is unreachable"}); null unless it failed
 * @param erased whether its client was erased since: its words and error are gone
 */
public record ClinicText(
        UUID id,
        UUID clientId,
        UUID sessionId,
        TextKind kind,
        String step,
        Instant dueAt,
        ReminderStatus status,
        Instant sentAt,
        String providerStatus,
        String error,
        boolean erased) {}
