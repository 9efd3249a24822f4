package io.aftercare.pause;

import io.aftercare.audit.AuditAction;
import io.aftercare.audit.AuditLog;
import io.aftercare.db.SqlValues;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Clinics whose sending is stopped because the SMS account refused to work for them. */
@ApplicationScoped
public class SendingPauses {

    /** Why and since when a clinic's sending is stopped. */
    public record Pause(UUID clinicId, String reason, Instant pausedAt) {}

    private final EntityManager entityManager;
    private final Clock clock;
    private final AuditLog audit;
    private final Event<SendingPauseChanged> changed;

    SendingPauses(EntityManager entityManager, Clock clock, AuditLog audit, Event<SendingPauseChanged> changed) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.audit = audit;
        this.changed = changed;
    }

    /** Stops the clinic's sending, unless it is stopped already; a new pause is told to observers, in this transaction. */
    @Transactional
    public void pause(UUID clinicId, String reason) {
        Instant now = clock.instant();
        int created = entityManager
                .createNativeQuery("INSERT INTO sending_pause (clinic_id, reason, paused_at)"
                        + " VALUES (:clinic, :reason, :now) ON CONFLICT (clinic_id) DO NOTHING")
                .setParameter("clinic", clinicId)
                .setParameter("reason", reason)
                .setParameter("now", now)
                .executeUpdate();
        if (created == 1) {
            audit.record(AuditAction.SENDING_PAUSED, clinicId, "sending", Map.of("reason", reason));
            changed.fire(new SendingPauseChanged(clinicId, true, Optional.of(reason), now));
            Log.errorf(
                    "Sending paused for clinic %s: %s. Fix the SMS account, then resume it with"
                            + " DELETE /admin/v1/clinics/%s/sending-pause",
                    clinicId, reason, clinicId);
        }
    }

    /**
     * Lets the clinic's texts go out again; a resume is told to observers, in this transaction.
     *
     * @return false when the clinic's sending was not paused
     */
    @Transactional
    public boolean resume(UUID clinicId) {
        Instant now = clock.instant();
        boolean resumed = entityManager
                        .createNativeQuery("DELETE FROM sending_pause WHERE clinic_id = :clinic")
                        .setParameter("clinic", clinicId)
                        .executeUpdate()
                == 1;
        if (resumed) {
            audit.record(AuditAction.SENDING_RESUMED, clinicId, "sending");
            changed.fire(new SendingPauseChanged(clinicId, false, Optional.empty(), now));
            Log.infof("Sending resumed for clinic %s", clinicId);
        }
        return resumed;
    }

    @Transactional
    public List<Pause> all() {
        return pauses(entityManager.createNativeQuery(
                "SELECT clinic_id, reason, paused_at FROM sending_pause ORDER BY paused_at"));
    }

    /** How many clinics' sending is stopped. */
    @Transactional
    public long count() {
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM sending_pause")
                        .getSingleResult())
                .longValue();
    }

    @Transactional
    public Optional<Pause> of(UUID clinicId) {
        return pauses(entityManager
                        .createNativeQuery(
                                "SELECT clinic_id, reason, paused_at FROM sending_pause WHERE clinic_id = :clinic")
                        .setParameter("clinic", clinicId))
                .stream()
                .findFirst();
    }

    private static List<Pause> pauses(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(row -> new Pause((UUID) row[0], (String) row[1], SqlValues.instant(row[2])))
                .toList();
    }
}
