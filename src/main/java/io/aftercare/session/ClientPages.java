package io.aftercare.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What a client's aftercare page reads of its session; the page itself lives elsewhere and never writes here. */
@ApplicationScoped
public class ClientPages {

    /**
     * The session whose page token hashes to {@code tokenHash}; empty for an unknown token and for an erased client's
     * (erasure removes the hash).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PageSession> byTokenHash(byte[] tokenHash) {
        return TreatmentSession.<TreatmentSession>find("pageTokenHash = ?1", (Object) tokenHash)
                .firstResultOptional()
                .map(session -> new PageSession(
                        session.id,
                        session.clinicId,
                        session.clientId,
                        session.status,
                        session.kind,
                        session.sessionNumber,
                        session.finalSession,
                        session.endedAt,
                        Optional.ofNullable(session.nextSessionAt)));
    }

    /**
     * A session as its client's page shows it.
     *
     * @param nextSessionAt when the clinic booked the client's next session, if it said
     */
    public record PageSession(
            UUID sessionId,
            UUID clinicId,
            UUID clientId,
            SessionStatus status,
            SessionKind kind,
            int sessionNumber,
            boolean finalSession,
            Instant endedAt,
            Optional<Instant> nextSessionAt) {

        public boolean cancelled() {
            return status == SessionStatus.CANCELLED;
        }

        /** The last session of a treatment, after which the touch-up comes. */
        public boolean finalTreatment() {
            return kind == SessionKind.TREATMENT && finalSession;
        }
    }
}
