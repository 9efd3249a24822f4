package io.aftercare.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Records security-relevant actions: who, when, what. Callers pass ids and counts only, never secrets, numbers, names
 * or texts.
 */
@ApplicationScoped
public class AuditLog {

    private final EntityManager entityManager;
    private final CurrentActor actor;
    private final ObjectMapper json;
    private final Clock clock;

    AuditLog(EntityManager entityManager, CurrentActor actor, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.actor = actor;
        this.json = json;
        this.clock = clock;
    }

    public void record(AuditAction action, UUID clinicId, String subject) {
        record(action, clinicId, subject, Map.of());
    }

    /**
     * Records an action in the caller's transaction, so that the action and its record are stored together or not
     * at all.
     *
     * @param clinicId the clinic the action concerns; null when none
     * @param subject what was acted on, e.g. {@code api-key:<id>}
     * @param details a few ids or counts
     */
    @Transactional
    public void record(AuditAction action, UUID clinicId, String subject, Map<String, ?> details) {
        record(actor.name(), action, clinicId, subject, details);
    }

    /**
     * Records an action in a name the request's identity does not carry yet or any more: a dashboard user signing in,
     * signing out or accepting their invitation ({@link CurrentActor#staff}).
     */
    @Transactional
    public void record(String actorName, AuditAction action, UUID clinicId, String subject, Map<String, ?> details) {
        entityManager
                .createNativeQuery("INSERT INTO audit_event (at, actor, action, clinic_id, subject, details)"
                        + " VALUES (:at, :actor, :action, CAST(:clinic AS uuid), :subject, :details)")
                .setParameter("at", clock.instant())
                .setParameter("actor", actorName)
                .setParameter("action", action.value())
                .setParameter("clinic", clinicId)
                .setParameter("subject", subject)
                .setParameter("details", toJson(details))
                .executeUpdate();
    }

    private String toJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details must be plain values", e);
        }
    }
}
