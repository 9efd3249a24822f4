package io.aftercare.webhook;

import io.aftercare.db.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The deliveries' work queue, claimed as texts are ({@code reminder/ReminderClaims}): {@code FOR UPDATE SKIP LOCKED}, so
 * any number of nodes deliver together and never take the same row, and a lease after which another node may.
 */
// Over 150 lines: the claim, renewal, release and expiry statements, kept together so that their fences cannot drift
// apart; most of the lines are SQL.
@ApplicationScoped
class DeliveryClaims {

    // Round robin across endpoints: each endpoint's oldest due delivery, then each one's second, and so on, never more
    // than the per-endpoint cap under way (counting the cluster's deliveries in flight; two nodes claiming at the same
    // instant may each see the other's as not yet claimed, so the cap can be passed by one claim's worth). An endpoint
    // whose last attempt failed is left alone until its retry_after. Round robin across clinics first: a clinic with
    // more endpoints than there are threads, all slow but answering, would otherwise keep every thread on its backlog
    // while another clinic's events wait behind it; the clinic with fewest deliveries under way goes first.
    private static final String CLAIM = """
            WITH busy AS (
                SELECT endpoint_id, count(*) AS n FROM webhook_delivery WHERE status = 'DELIVERING' GROUP BY endpoint_id
            ),
            clinic_busy AS (
                SELECT e.clinic_id, sum(b.n) AS n FROM busy b JOIN webhook_endpoint e ON e.id = b.endpoint_id
                GROUP BY e.clinic_id
            ),
            candidates AS (
                SELECT due.id, due.next_attempt_at, e.clinic_id,
                       row_number() OVER (PARTITION BY e.id ORDER BY due.next_attempt_at, due.id) + COALESCE(b.n, 0)
                           AS turn
                FROM webhook_endpoint e
                LEFT JOIN busy b ON b.endpoint_id = e.id
                CROSS JOIN LATERAL (
                    SELECT id, next_attempt_at FROM webhook_delivery
                    WHERE endpoint_id = e.id AND status = 'PENDING' AND next_attempt_at <= :now
                    ORDER BY next_attempt_at
                    LIMIT :perEndpoint
                    FOR UPDATE SKIP LOCKED
                ) due
                WHERE e.disabled_at IS NULL AND e.deleted_at IS NULL AND (e.retry_after IS NULL OR e.retry_after <= :now)
            ),
            ranked AS (
                SELECT c.id, c.next_attempt_at, c.turn,
                       row_number() OVER (PARTITION BY c.clinic_id ORDER BY c.turn, c.next_attempt_at, c.id)
                           + COALESCE(cb.n, 0) AS clinic_turn
                FROM candidates c LEFT JOIN clinic_busy cb ON cb.clinic_id = c.clinic_id
                WHERE c.turn <= :perEndpoint
            ),
            chosen AS (SELECT id FROM ranked ORDER BY clinic_turn, turn, next_attempt_at LIMIT :limit)
            UPDATE webhook_delivery d
            SET status = 'DELIVERING', claimed_by = :node, claim_expires_at = :leaseEnd, attempts = d.attempts + 1,
                updated_at = :now
            FROM chosen, webhook_event ev, webhook_endpoint w
            WHERE d.id = chosen.id AND ev.id = d.event_id AND w.id = d.endpoint_id
            RETURNING d.id, d.attempts, d.give_up_at, ev.id, ev.payload, w.id, w.url, w.secret,
                      CASE WHEN w.previous_secret_until > :now THEN w.previous_secret END
            """;

    // The node that claimed them died or froze: delivered again (same webhook-id), the lost attempt on record; unless
    // the event's client was erased meanwhile (WebhookErasure), which cancels it.
    private static final String RELEASE_EXPIRED = """
            WITH released AS (
                UPDATE webhook_delivery d
                SET status = CASE WHEN ev.erased_at IS NULL THEN 'PENDING' ELSE 'CANCELLED' END, next_attempt_at = :now,
                    claimed_by = NULL, claim_expires_at = NULL, updated_at = :now
                FROM webhook_event ev
                WHERE ev.id = d.event_id AND d.status = 'DELIVERING' AND d.claim_expires_at < :now
                RETURNING d.id, d.attempts
            )
            INSERT INTO webhook_attempt (delivery_id, attempt, at, duration_ms, error)
            SELECT id, attempts, :now, 0, 'INTERRUPTED' FROM released
            ON CONFLICT DO NOTHING
            """;

    static final String FENCE =
            " WHERE id = :id AND status = 'DELIVERING' AND claimed_by = :node AND attempts = :attempt";

    private static final String RENEW =
            "UPDATE webhook_delivery SET claim_expires_at = :leaseEnd, updated_at = :now" + FENCE;

    private static final String RELEASE = "UPDATE webhook_delivery SET status = 'PENDING', attempts = attempts - 1,"
            + " claimed_by = NULL, claim_expires_at = NULL, updated_at = :now" + FENCE;

    private final EntityManager entityManager;

    DeliveryClaims(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Claims up to {@code limit} due deliveries for {@code lease}, fairly across endpoints. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<ClaimedDelivery> claimDue(String node, int limit, int perEndpoint, Instant now, Duration lease) {
        Instant leaseEnds = now.plus(lease);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(CLAIM)
                .setParameter("now", now)
                .setParameter("perEndpoint", perEndpoint)
                .setParameter("limit", limit)
                .setParameter("node", node)
                .setParameter("leaseEnd", leaseEnds)
                .getResultList();
        return rows.stream()
                .map(row -> {
                    List<WebhookSecret> secrets = new ArrayList<>();
                    secrets.add(new WebhookSecret((String) row[7]));
                    if (row[8] != null) {
                        secrets.add(new WebhookSecret((String) row[8]));
                    }
                    return new ClaimedDelivery(
                            (UUID) row[0],
                            ((Number) row[1]).intValue(),
                            SqlValues.instant(row[2]),
                            (String) row[3],
                            (String) row[4],
                            (UUID) row[5],
                            (String) row[6],
                            List.copyOf(secrets),
                            node,
                            leaseEnds);
                })
                .toList();
    }

    /** Puts deliveries whose lease ran out back in the queue, to be delivered again at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int releaseExpired(Instant now) {
        return entityManager
                .createNativeQuery(RELEASE_EXPIRED)
                .setParameter("now", now)
                .executeUpdate();
    }

    /**
     * Taken just before the request goes out: a claim whose lease ran out while it waited may belong to another node.
     *
     * @return false when the claim was lost: the delivery must not be made from here
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean renew(ClaimedDelivery delivery, Instant now, Duration lease) {
        return fenced(RENEW, delivery)
                        .setParameter("now", now)
                        .setParameter("leaseEnd", now.plus(lease))
                        .executeUpdate()
                == 1;
    }

    /** Hands back a claimed delivery that was never attempted, as if it had not been claimed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean release(ClaimedDelivery delivery, Instant now) {
        return fenced(RELEASE, delivery).setParameter("now", now).executeUpdate() == 1;
    }

    private jakarta.persistence.Query fenced(String sql, ClaimedDelivery delivery) {
        return entityManager
                .createNativeQuery(sql)
                .setParameter("id", delivery.deliveryId())
                .setParameter("node", delivery.claimedBy())
                .setParameter("attempt", delivery.attempt());
    }
}
