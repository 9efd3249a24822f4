package io.aftercare.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Whose aftercare is under way for a number: to which clinic, client and session a reply from it belongs. */
@ApplicationScoped
public class AftercareUnderWay {

    /** A clinic's client with this number, and the session whose aftercare is under way. */
    public record Aftercare(UUID clinicId, UUID clientId, UUID sessionId, String sessionExternalId) {}

    // Per clinic, its clients with the number and each one's most recent session not withdrawn; the clinic counts when
    // that session ended at or after :since. When a clinic holds the number for two clients (one person posted twice),
    // the one whose session ended last is the one the reply is about.
    private static final String UNDER_WAY = """
            SELECT DISTINCT ON (latest.clinic_id) latest.clinic_id, latest.client_id, latest.id, latest.external_id
              FROM client c
              CROSS JOIN LATERAL (
                  SELECT s.clinic_id, s.client_id, s.id, s.external_id, s.ended_at FROM treatment_session s
                   WHERE s.client_id = c.id AND s.status = 'ACTIVE'
                   ORDER BY s.ended_at DESC LIMIT 1) latest
             WHERE c.phone = :phone AND c.erased_at IS NULL AND latest.ended_at >= :since
             ORDER BY latest.clinic_id, latest.ended_at DESC
            """;

    private final EntityManager entityManager;

    AftercareUnderWay(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Every clinic where this number is a client whose most recent session ended at {@code since} or later, with that
     * client and session.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Aftercare> forNumber(String phone, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(UNDER_WAY)
                .setParameter("phone", phone)
                .setParameter("since", since)
                .getResultList();
        return rows.stream()
                .map(row -> new Aftercare((UUID) row[0], (UUID) row[1], (UUID) row[2], (String) row[3]))
                .toList();
    }
}
