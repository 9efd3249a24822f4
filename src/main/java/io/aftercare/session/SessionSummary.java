package io.aftercare.session;

import java.time.Instant;
import java.util.UUID;

/**
 * A session as a client's timeline lists it, without its texts.
 *
 * @param externalId the clinic's own id for the session
 * @param number the session's number in the client's course (1, 2, 3...)
 */
public record SessionSummary(
        UUID id,
        String externalId,
        SessionKind kind,
        int number,
        Instant endedAt,
        SessionStatus status,
        UUID clientId) {

    static SessionSummary of(TreatmentSession session) {
        return new SessionSummary(
                session.id,
                session.externalId,
                session.kind,
                session.sessionNumber,
                session.endedAt,
                session.status,
                session.clientId);
    }
}
