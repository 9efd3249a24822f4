package io.aftercare.webhook;

import io.aftercare.config.AftercareConfig;
import io.aftercare.db.SqlValues;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The clinic's view of an endpoint's deliveries, newest first, and the retry of a failed one by hand. */
// Over 150 lines: the deliveries page (cursor, attempts joined) and the hand retry share the endpoint-scoped reads of
// webhook_delivery; most of the lines are SQL and its mapping.
@ApplicationScoped
public class WebhookDeliveries {

    public static final int PAGE_SIZE = 50;

    private static final String PAGE = """
            SELECT d.id, d.event_id, ev.type, d.status, d.created_at, d.next_attempt_at
            FROM webhook_delivery d JOIN webhook_event ev ON ev.id = d.event_id
            WHERE d.endpoint_id = :endpoint AND d.id < :cursor
            ORDER BY d.id DESC
            LIMIT :limit
            """;

    private static final String ONE = """
            SELECT d.id, d.event_id, ev.type, d.status, d.created_at, d.next_attempt_at
            FROM webhook_delivery d JOIN webhook_event ev ON ev.id = d.event_id
            WHERE d.endpoint_id = :endpoint AND d.id = :delivery
            """;

    private static final String ATTEMPTS = """
            SELECT delivery_id, attempt, at, duration_ms, status_code, error FROM webhook_attempt
            WHERE delivery_id IN (:deliveries) ORDER BY delivery_id, attempt
            """;

    // A failed delivery goes back in the queue with the same event (same webhook-id) and a new give-up time; the
    // endpoint's own backoff is lifted, since the clinic asks for the delivery now. Not an event about an erased client
    // (WebhookErasure): it is not sent again.
    private static final String RETRY = """
            WITH d AS (
                UPDATE webhook_delivery d SET status = 'PENDING', next_attempt_at = :now, give_up_at = :giveUpAt,
                                              updated_at = :now
                FROM webhook_endpoint w, webhook_event ev
                WHERE d.id = :delivery AND d.endpoint_id = :endpoint AND w.id = d.endpoint_id AND ev.id = d.event_id
                  AND w.clinic_id = :clinic AND w.deleted_at IS NULL AND w.disabled_at IS NULL AND d.status = 'FAILED'
                  AND ev.erased_at IS NULL
                RETURNING d.endpoint_id
            ),
            e AS (UPDATE webhook_endpoint w SET retry_after = NULL FROM d WHERE w.id = d.endpoint_id)
            SELECT count(*) FROM d
            """;

    private static final UUID LAST = new UUID(-1L, -1L);

    private final EntityManager entityManager;
    private final Clock clock;
    private final AftercareConfig.Webhooks config;

    WebhookDeliveries(EntityManager entityManager, Clock clock, AftercareConfig config) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.config = config.webhooks();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EndpointViews.DeliveryPage page(UUID clinicId, UUID endpointId, String cursor) {
        UUID before = cursor(cursor);
        requireEndpoint(clinicId, endpointId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(PAGE)
                .setParameter("endpoint", endpointId)
                .setParameter("cursor", before)
                .setParameter("limit", PAGE_SIZE + 1)
                .getResultList();
        List<EndpointViews.Delivery> deliveries =
                views(rows.stream().limit(PAGE_SIZE).toList());
        String next = rows.size() > PAGE_SIZE
                ? deliveries.get(deliveries.size() - 1).id().toString()
                : null;
        return new EndpointViews.DeliveryPage(deliveries, next);
    }

    private Map<UUID, List<EndpointViews.Attempt>> attempts(List<Object[]> deliveries) {
        if (deliveries.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(ATTEMPTS)
                .setParameter(
                        "deliveries",
                        deliveries.stream().map(row -> (UUID) row[0]).toList())
                .getResultList();
        return rows.stream()
                .collect(Collectors.groupingBy(
                        row -> (UUID) row[0],
                        Collectors.mapping(
                                row -> new EndpointViews.Attempt(
                                        ((Number) row[1]).intValue(),
                                        SqlValues.instant(row[2]),
                                        ((Number) row[3]).intValue(),
                                        row[4] == null ? null : ((Number) row[4]).intValue(),
                                        (String) row[5]),
                                Collectors.toList())));
    }

    /** Sends a failed delivery again: 404 when it is not this clinic's, 409 when it has not failed. */
    @Transactional
    EndpointViews.Delivery retry(UUID clinicId, UUID endpointId, UUID deliveryId) {
        requireEndpoint(clinicId, endpointId);
        one(endpointId, deliveryId); // 404 first
        Instant now = clock.instant();
        long retried = ((Number) entityManager
                        .createNativeQuery(RETRY)
                        .setParameter("now", now)
                        .setParameter("giveUpAt", now.plus(config.giveUpAfter()))
                        .setParameter("delivery", deliveryId)
                        .setParameter("endpoint", endpointId)
                        .setParameter("clinic", clinicId)
                        .getSingleResult())
                .longValue();
        EndpointViews.Delivery delivery = one(endpointId, deliveryId);
        if (retried == 0) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    aboutErasedClient(deliveryId)
                            ? "This event was about a client who has been erased; it is not sent again"
                            : "Only a failed delivery to an enabled endpoint can be sent again; this one is "
                                    + delivery.status());
        }
        return delivery;
    }

    private EndpointViews.Delivery one(UUID endpointId, UUID deliveryId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(ONE)
                .setParameter("endpoint", endpointId)
                .setParameter("delivery", deliveryId)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("No delivery " + deliveryId + " for this webhook endpoint");
        }
        return views(rows).get(0);
    }

    private List<EndpointViews.Delivery> views(List<Object[]> rows) {
        Map<UUID, List<EndpointViews.Attempt>> attempts = attempts(rows);
        return rows.stream()
                .map(row -> new EndpointViews.Delivery(
                        (UUID) row[0],
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        SqlValues.instant(row[4]),
                        "PENDING".equals(row[3]) ? SqlValues.instant(row[5]) : null,
                        attempts.getOrDefault((UUID) row[0], List.of())))
                .toList();
    }

    private boolean aboutErasedClient(UUID deliveryId) {
        return !entityManager
                .createNativeQuery("SELECT 1 FROM webhook_delivery d JOIN webhook_event ev ON ev.id = d.event_id"
                        + " WHERE d.id = :delivery AND ev.erased_at IS NOT NULL")
                .setParameter("delivery", deliveryId)
                .getResultList()
                .isEmpty();
    }

    private void requireEndpoint(UUID clinicId, UUID endpointId) {
        boolean found = !entityManager
                .createNativeQuery("SELECT 1 FROM webhook_endpoint WHERE id = :id AND clinic_id = :clinic"
                        + " AND deleted_at IS NULL")
                .setParameter("id", endpointId)
                .setParameter("clinic", clinicId)
                .getResultList()
                .isEmpty();
        if (!found) {
            throw ProblemException.notFound("No webhook endpoint " + endpointId + " for this clinic");
        }
    }

    private static UUID cursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return LAST;
        }
        try {
            return UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API gave");
        }
    }
}
