package io.aftercare.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finds clients to erase and erases what the client table holds of them. */
@ApplicationScoped
public class Clients {

    /** An erased client's external id is this and the row's id: posted ids hold no spaces, so no post names it. */
    private static final String ERASED_PREFIX = "erased ";

    // Texts still to go out keep a client past retention until they have gone out, expired or been cancelled.
    private static final String PAST_RETENTION = """
            SELECT c.id, c.clinic_id, c.phone
              FROM client c JOIN clinic k ON k.id = c.clinic_id
             WHERE c.erased_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM treatment_session s
                                WHERE s.client_id = c.id
                                  AND s.ended_at > CAST(:now AS timestamptz) - make_interval(days => COALESCE(k.retention_days, :defaultDays)))
               AND NOT EXISTS (SELECT 1 FROM reminder r
                                WHERE r.client_id = c.id AND r.status IN ('SCHEDULED', 'SENDING'))
             LIMIT :limit
               FOR UPDATE OF c SKIP LOCKED
            """;

    private final EntityManager entityManager;

    Clients(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Locks the clinic's client with this external id until the transaction ends, so that a session posted for it
     * meanwhile waits and comes after the erasure.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ClientToErase> lockForErasure(UUID clinicId, String externalId) {
        return rows(entityManager
                        .createNativeQuery(
                                "SELECT id, clinic_id, phone FROM client"
                                        + " WHERE clinic_id = :clinic AND external_id = :externalId AND erased_at IS NULL FOR UPDATE")
                        .setParameter("clinic", clinicId)
                        .setParameter("externalId", externalId)
                        .getResultList())
                .stream()
                .findFirst();
    }

    /**
     * Locks up to {@code limit} clients, of any clinic, whose last session ended longer ago than their clinic's
     * retention ({@code defaultDays} where it set none) and who have no text left to go out. Clients another node is
     * purging are skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ClientToErase> lockPastRetention(Instant now, int defaultDays, int limit) {
        return rows(entityManager
                .createNativeQuery(PAST_RETENTION)
                .setParameter("now", now)
                .setParameter("defaultDays", defaultDays)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** Whether a client's external id, as a text or reply names it, is that of a client erased since. */
    public static boolean isErased(String externalId) {
        return externalId != null && externalId.startsWith(ERASED_PREFIX);
    }

    /**
     * Removes the client's name and number and its external id, which may itself name the person. The row stays for
     * the sessions and texts that point to it; its external id becomes {@code erased <id>}, which no post can name,
     * so a later post under the old id starts a new client.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID clientId, Instant now) {
        entityManager
                .createNativeQuery("UPDATE client SET first_name = '', last_name = NULL, phone = '',"
                        + " external_id = '" + ERASED_PREFIX + "' || id, erased_at = :now, updated_at = :now"
                        + " WHERE id = :id")
                .setParameter("now", now)
                .setParameter("id", clientId)
                .executeUpdate();
    }

    private static List<ClientToErase> rows(List<?> rows) {
        return rows.stream()
                .map(Object[].class::cast)
                .map(row -> new ClientToErase((UUID) row[0], (UUID) row[1], (String) row[2]))
                .toList();
    }
}
