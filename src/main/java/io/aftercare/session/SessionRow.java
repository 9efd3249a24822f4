package io.aftercare.session;

import io.aftercare.reminder.ReminderView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A treatment_session row as a post reads or writes it, without the ORM.
 *
 * @param pageTokenHash SHA-256 of the client's page token; null when the session has no page, and as read (never read)
 */
record SessionRow(
        UUID id,
        UUID clientId,
        String externalId,
        SessionKind kind,
        int sessionNumber,
        boolean finalSession,
        Instant endedAt,
        String planVersion,
        String fingerprint,
        List<String> warnings,
        SessionStatus status,
        Instant createdAt,
        Instant nextSessionAt,
        byte[] pageTokenHash) {

    PastSession past() {
        return new PastSession(id, externalId, endedAt, status);
    }

    SessionView view(String clientExternalId, List<ReminderView> reminders) {
        return new SessionView(
                id,
                externalId,
                clientExternalId,
                kind,
                sessionNumber,
                finalSession,
                endedAt,
                status,
                planVersion,
                createdAt,
                reminders,
                warnings);
    }
}
