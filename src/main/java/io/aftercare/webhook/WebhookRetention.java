package io.aftercare.webhook;

import io.aftercare.config.AftercareConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deletes events older than {@code aftercare.webhooks.keep-deliveries} whose deliveries are all over (delivered, failed
 * or cancelled), with their deliveries and attempts: a body holds a reply's words, and the clinic's record of an old
 * delivery is of no use once nothing more can happen to it.
 */
@ApplicationScoped
public class WebhookRetention {

    // Events another transaction holds (an erasure) are left to a later run.
    private static final String LOCK_EVENTS = """
            SELECT e.id FROM webhook_event e
            WHERE e.created_at < :before
              AND NOT EXISTS (SELECT 1 FROM webhook_delivery d
                              WHERE d.event_id = e.id AND d.status IN ('PENDING', 'DELIVERING'))
            ORDER BY e.created_at
            LIMIT :limit
            FOR UPDATE OF e SKIP LOCKED
            """;

    // A failed delivery retried by hand since the lookup is PENDING again: its lock is waited for, and the statement
    // after this one (a new snapshot) sees it and keeps its event.
    private static final String LOCK_DELIVERIES = """
            SELECT count(*) FROM (SELECT 1 FROM webhook_delivery WHERE event_id IN (:ids) FOR UPDATE) AS locked
            """;

    // The children go in the same statement: the foreign keys are checked at its end.
    private static final String DELETE = """
            WITH purged AS (
                SELECT e.id FROM webhook_event e
                WHERE e.id IN (:ids)
                  AND NOT EXISTS (SELECT 1 FROM webhook_delivery d
                                  WHERE d.event_id = e.id AND d.status IN ('PENDING', 'DELIVERING'))
            ),
            attempts AS (
                DELETE FROM webhook_attempt a USING webhook_delivery d, purged p
                WHERE a.delivery_id = d.id AND d.event_id = p.id
            ),
            deliveries AS (DELETE FROM webhook_delivery d USING purged p WHERE d.event_id = p.id)
            DELETE FROM webhook_event e USING purged p WHERE e.id = p.id
            """;

    private final EntityManager entityManager;
    private final Duration keep;

    WebhookRetention(EntityManager entityManager, AftercareConfig config) {
        this.entityManager = entityManager;
        this.keep = config.webhooks().keepDeliveries();
    }

    /**
     * Deletes, in the caller's transaction, up to {@code limit} events over for longer than the retention, oldest
     * first, with their deliveries and attempts.
     *
     * @return how many events it deleted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int purgeOlderThanRetention(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<String> ids = entityManager
                .createNativeQuery(LOCK_EVENTS)
                .setParameter("before", now.minus(keep))
                .setParameter("limit", limit)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        entityManager
                .createNativeQuery(LOCK_DELIVERIES)
                .setParameter("ids", ids)
                .getSingleResult();
        return entityManager.createNativeQuery(DELETE).setParameter("ids", ids).executeUpdate();
    }
}
