package io.aftercare.webhook;

import io.aftercare.config.AftercareConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Records what became of an attempt, if the claim is still the one that made it: the delivery's new status, the
 * attempt's row, and what it tells of the endpoint, in one statement.
 */
@ApplicationScoped
class DeliveryOutcomes {

    // A delivery whose endpoint was deleted or disabled, or whose event's client was erased, while it was under way is
    // not retried.
    private static final String OUTCOME = """
            WITH d AS (
                UPDATE webhook_delivery d
                SET status = CASE WHEN :status = 'PENDING' AND (w.disabled_at IS NOT NULL OR w.deleted_at IS NOT NULL
                                                                OR ev.erased_at IS NOT NULL)
                                  THEN 'CANCELLED' ELSE :status END,
                    next_attempt_at = :nextAttemptAt, claimed_by = NULL, claim_expires_at = NULL, updated_at = :now
                FROM webhook_endpoint w, webhook_event ev
                WHERE w.id = d.endpoint_id AND ev.id = d.event_id AND d.id = :id AND d.status = 'DELIVERING'
                  AND d.claimed_by = :node AND d.attempts = :attempt
                RETURNING d.id, d.endpoint_id, d.attempts
            ),
            attempt AS (
                INSERT INTO webhook_attempt (delivery_id, attempt, at, duration_ms, status_code, error)
                SELECT id, attempts, :at, :duration, NULLIF(:statusCode, 0), NULLIF(:error, '') FROM d
                ON CONFLICT DO NOTHING
            ),
            endpoint AS (%s)
            SELECT count(*) FROM d
            """;

    private static final String ENDPOINT_ANSWERED = """
            UPDATE webhook_endpoint w SET failures = 0, retry_after = NULL FROM d
            WHERE w.id = d.endpoint_id AND w.failures > 0
            """;

    // The endpoint is left alone (one delivery at a time after that) for a backoff of its own.
    private static final String ENDPOINT_FAILED = """
            UPDATE webhook_endpoint w
            SET failures = w.failures + 1,
                retry_after = CAST(:now AS timestamptz) + LEAST(:firstDelayMs * power(2, LEAST(w.failures, 20)), :longestDelayMs)
                                     * interval '1 millisecond'
            FROM d WHERE w.id = d.endpoint_id
            """;

    private static final String ENDPOINT_GONE = """
            UPDATE webhook_endpoint w SET disabled_at = :now, disabled_reason = :reason FROM d
            WHERE w.id = d.endpoint_id AND w.disabled_at IS NULL
            """;

    private static final String CANCEL_PENDING = """
            UPDATE webhook_delivery SET status = 'CANCELLED', updated_at = :now
            WHERE endpoint_id = :endpoint AND status = 'PENDING'
            """;

    private final EntityManager entityManager;
    private final DeliveryBackoff backoff;

    DeliveryOutcomes(EntityManager entityManager, AftercareConfig config) {
        this.entityManager = entityManager;
        this.backoff = DeliveryBackoff.from(config.webhooks());
    }

    /** @return false when the claim was lost meanwhile: its new owner records its own attempt */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean record(ClaimedDelivery delivery, AttemptResult result) {
        Instant now = result.at().plusMillis(result.durationMs());
        if (result.delivered()) {
            return run(OUTCOME.formatted(ENDPOINT_ANSWERED), delivery, result, "DELIVERED", now, now)
                                    .getSingleResult()
                            instanceof Number n
                    && n.intValue() == 1;
        }
        if (result.gone()) {
            boolean recorded = run(OUTCOME.formatted(ENDPOINT_GONE), delivery, result, "FAILED", now, now)
                                    .setParameter("reason", "The endpoint answered 410 Gone at " + now)
                                    .getSingleResult()
                            instanceof Number n
                    && n.intValue() == 1;
            if (recorded) {
                int cancelled = entityManager
                        .createNativeQuery(CANCEL_PENDING)
                        .setParameter("now", now)
                        .setParameter("endpoint", delivery.endpointId())
                        .executeUpdate();
                Log.infof(
                        "Webhook endpoint %s answered 410 Gone: disabled, %d pending deliveries cancelled",
                        delivery.endpointId(), cancelled);
            }
            return recorded;
        }
        Optional<Instant> retryAt = backoff.retryAt(delivery.attempt(), now, delivery.giveUpAt());
        return run(
                                        OUTCOME.formatted(ENDPOINT_FAILED),
                                        delivery,
                                        result,
                                        retryAt.isPresent() ? "PENDING" : "FAILED",
                                        retryAt.orElse(now),
                                        now)
                                .setParameter(
                                        "firstDelayMs", backoff.firstDelay().toMillis())
                                .setParameter(
                                        "longestDelayMs", backoff.longestDelay().toMillis())
                                .getSingleResult()
                        instanceof Number n
                && n.intValue() == 1;
    }

    private jakarta.persistence.Query run(
            String sql, ClaimedDelivery delivery, AttemptResult result, String status, Instant next, Instant now) {
        return entityManager
                .createNativeQuery(sql)
                .setParameter("id", delivery.deliveryId())
                .setParameter("node", delivery.claimedBy())
                .setParameter("attempt", delivery.attempt())
                .setParameter("status", status)
                .setParameter("nextAttemptAt", next)
                .setParameter("now", now)
                .setParameter("at", result.at())
                .setParameter("duration", (int) Math.min(result.durationMs(), Integer.MAX_VALUE))
                .setParameter("statusCode", result.statusCode())
                .setParameter("error", result.error());
    }
}
