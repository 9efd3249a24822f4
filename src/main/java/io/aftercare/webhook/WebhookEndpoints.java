package io.aftercare.webhook;

import io.aftercare.audit.AuditAction;
import io.aftercare.audit.AuditLog;
import io.aftercare.config.AftercareConfig;
import io.aftercare.db.SqlValues;
import io.aftercare.db.TimeOrderedIds;
import io.aftercare.problem.FieldViolation;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A clinic's webhook endpoints: registration, listing, deletion and secret rotation, each scoped to the clinic. */
// Over 150 lines: registration, listing, deletion and rotation all write the one webhook_endpoint table, which this
// class owns, with the validation each needs; addresses and secrets have classes of their own.
@ApplicationScoped
public class WebhookEndpoints {

    private static final String LIVE = " AND deleted_at IS NULL";

    /** Far more than there are event types: a longer list is not a list of them. */
    static final int MAX_EVENTS = 50;

    private final EntityManager entityManager;
    private final Destinations destinations;
    private final AuditLog audit;
    private final Clock clock;
    private final AftercareConfig.Webhooks config;

    WebhookEndpoints(
            EntityManager entityManager,
            Destinations destinations,
            AuditLog audit,
            Clock clock,
            AftercareConfig config) {
        this.entityManager = entityManager;
        this.destinations = destinations;
        this.audit = audit;
        this.clock = clock;
        this.config = config.webhooks();
    }

    /**
     * Registers an endpoint; the answer holds the secret, which no later answer shows. 400 naming the field for a bad
     * URL, event type or secret; 409 when the clinic holds {@code aftercare.webhooks.max-endpoints-per-clinic}.
     */
    @Transactional
    public EndpointViews.Created create(UUID clinicId, EndpointRequest request) {
        if (request == null) {
            throw ProblemException.invalid("url", "is required");
        }
        List<FieldViolation> errors = new ArrayList<>();
        if (request.url() == null || request.url().isBlank()) {
            errors.add(new FieldViolation("url", "is required"));
        } else {
            destinations
                    .problemWith(request.url().strip())
                    .ifPresent(why -> errors.add(new FieldViolation("url", why)));
        }
        List<String> events = events(request.events(), errors);
        if (request.secret() != null) {
            WebhookSecret.problemWith(request.secret()).ifPresent(why -> errors.add(new FieldViolation("secret", why)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        lockClinicsEndpoints(clinicId);
        long live = ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM webhook_endpoint WHERE clinic_id = :clinic" + LIVE)
                        .setParameter("clinic", clinicId)
                        .getSingleResult())
                .longValue();
        if (live >= config.maxEndpointsPerClinic()) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "The clinic already has " + live + " webhook endpoints, the most it may have; delete one first");
        }
        WebhookSecret secret =
                request.secret() == null ? WebhookSecret.generate() : new WebhookSecret(request.secret());
        UUID id = TimeOrderedIds.next();
        Instant now = clock.instant();
        entityManager
                .createNativeQuery("INSERT INTO webhook_endpoint (id, clinic_id, url, events, secret, created_at)"
                        + " VALUES (:id, :clinic, :url, string_to_array(:events, ' '), :secret, :now)")
                .setParameter("id", id)
                .setParameter("clinic", clinicId)
                .setParameter("url", request.url().strip())
                .setParameter("events", String.join(" ", events))
                .setParameter("secret", secret.text())
                .setParameter("now", now)
                .executeUpdate();
        audit.record(AuditAction.WEBHOOK_CREATED, clinicId, "webhook:" + id, Map.of("events", events.size()));
        return new EndpointViews.Created(id, request.url().strip(), events, secret.text(), now);
    }

    private static List<String> events(List<String> requested, List<FieldViolation> errors) {
        if (requested == null || requested.isEmpty()) {
            errors.add(new FieldViolation("events", "must name at least one event type"));
            return List.of();
        }
        // Before each entry is checked: a 64 KB list of unknown types would otherwise be answered with megabytes.
        if (requested.size() > MAX_EVENTS) {
            errors.add(new FieldViolation(
                    "events", "holds " + requested.size() + " entries; at most " + MAX_EVENTS + " (each type once)"));
            return List.of();
        }
        Set<String> events = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i);
            if (type == null || EventType.of(type).isEmpty()) {
                errors.add(new FieldViolation(
                        "events[" + i + "]",
                        "is not an event type; one of "
                                + Arrays.stream(EventType.values())
                                        .map(EventType::value)
                                        .toList()));
            } else {
                events.add(type);
            }
        }
        return List.copyOf(events);
    }

    /** The clinic's endpoints, oldest first, without their secrets. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EndpointViews.Endpoint> list(UUID clinicId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT id, url, array_to_string(events, ' '), created_at, disabled_at,"
                        + " disabled_reason, CASE WHEN previous_secret_until > :now THEN previous_secret_until END"
                        + " FROM webhook_endpoint WHERE clinic_id = :clinic" + LIVE + " ORDER BY id")
                .setParameter("clinic", clinicId)
                .setParameter("now", clock.instant())
                .getResultList();
        return rows.stream()
                .map(row -> new EndpointViews.Endpoint(
                        (UUID) row[0],
                        (String) row[1],
                        List.of(((String) row[2]).split(" ")),
                        SqlValues.instant(row[3]),
                        SqlValues.instant(row[4]),
                        (String) row[5],
                        SqlValues.instant(row[6])))
                .toList();
    }

    /** Deletes an endpoint: nothing more is delivered to it, and its pending deliveries are cancelled. */
    @Transactional
    public void delete(UUID clinicId, UUID endpointId) {
        Instant now = clock.instant();
        int deleted = entityManager
                .createNativeQuery(
                        "UPDATE webhook_endpoint SET deleted_at = :now WHERE id = :id AND clinic_id = :clinic" + LIVE)
                .setParameter("now", now)
                .setParameter("id", endpointId)
                .setParameter("clinic", clinicId)
                .executeUpdate();
        if (deleted == 0) {
            throw ProblemException.notFound("No webhook endpoint " + endpointId + " for this clinic");
        }
        int cancelled = entityManager
                .createNativeQuery("UPDATE webhook_delivery SET status = 'CANCELLED', updated_at = :now"
                        + " WHERE endpoint_id = :id AND status = 'PENDING'")
                .setParameter("now", now)
                .setParameter("id", endpointId)
                .executeUpdate();
        audit.record(
                AuditAction.WEBHOOK_DELETED,
                clinicId,
                "webhook:" + endpointId,
                Map.of("cancelledDeliveries", cancelled));
    }

    /** A new secret, shown once; the old one keeps signing, as a second signature, for the rotation overlap. */
    @Transactional
    public EndpointViews.Rotated rotateSecret(UUID clinicId, UUID endpointId) {
        WebhookSecret secret = WebhookSecret.generate();
        Instant until = clock.instant().plus(config.rotationOverlap());
        int rotated = entityManager
                .createNativeQuery(
                        "UPDATE webhook_endpoint SET previous_secret = secret, previous_secret_until = :until,"
                                + " secret = :secret WHERE id = :id AND clinic_id = :clinic" + LIVE)
                .setParameter("until", until)
                .setParameter("secret", secret.text())
                .setParameter("id", endpointId)
                .setParameter("clinic", clinicId)
                .executeUpdate();
        if (rotated == 0) {
            throw ProblemException.notFound("No webhook endpoint " + endpointId + " for this clinic");
        }
        audit.record(AuditAction.WEBHOOK_SECRET_ROTATED, clinicId, "webhook:" + endpointId);
        return new EndpointViews.Rotated(endpointId, secret.text(), until);
    }

    // Two registrations at once must not both pass the per-clinic limit. An advisory lock: the clinic row is not ours.
    private void lockClinicsEndpoints(UUID clinicId) {
        entityManager
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))) AS locked")
                .setParameter("key", "webhook_endpoint:" + clinicId)
                .getSingleResult();
    }
}
