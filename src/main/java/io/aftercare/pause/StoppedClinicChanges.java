package io.aftercare.pause;

import io.aftercare.audit.AuditAction;
import io.aftercare.audit.AuditLog;
import io.quarkus.logging.Log;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finds the clinics whose sending a pause stopped or a resume let go again, and tells each to observers
 * ({@link SendingPauseChanged}) and the audit log, in the caller's transaction.
 */
final class StoppedClinicChanges {

    // Clinics that cannot send: paused themselves, or every clinic while an account or sender pause stands.
    private static final String STOPPED_CLINICS =
            "SELECT c.id FROM clinic c WHERE EXISTS (SELECT 1 FROM sending_pause p"
                    + " WHERE p.clinic_id = c.id OR p.clinic_id IS NULL) ORDER BY c.id";

    private final EntityManager entityManager;
    private final AuditLog audit;
    private final Event<SendingPauseChanged> changed;

    StoppedClinicChanges(EntityManager entityManager, AuditLog audit, Event<SendingPauseChanged> changed) {
        this.entityManager = entityManager;
        this.audit = audit;
        this.changed = changed;
    }

    /**
     * Locks the pauses against other changes until the transaction ends, and reads the clinics they stop. Pauses and
     * resumes take turns, so that each knows which clinics it stopped or freed; the dispatcher's claims only read the
     * table and are not held up.
     */
    Set<UUID> lockAndReadStopped() {
        entityManager
                .createNativeQuery("LOCK TABLE sending_pause IN SHARE ROW EXCLUSIVE MODE")
                .executeUpdate();
        return stoppedClinics();
    }

    /** Tells of every clinic whose sending stopped (a reason) or started again (none) since {@code before}. */
    void announce(Set<UUID> before, Optional<String> reason, Instant now) {
        Set<UUID> after = stoppedClinics();
        Set<UUID> changedClinics = new LinkedHashSet<>(reason.isPresent() ? after : before);
        changedClinics.removeAll(reason.isPresent() ? before : after);
        for (UUID clinicId : changedClinics) {
            if (reason.isPresent()) {
                audit.record(AuditAction.SENDING_PAUSED, clinicId, "sending", Map.of("reason", reason.get()));
            } else {
                audit.record(AuditAction.SENDING_RESUMED, clinicId, "sending");
                Log.infof("Sending resumed for clinic %s", clinicId);
            }
            changed.fire(new SendingPauseChanged(clinicId, reason.isPresent(), reason, now));
        }
    }

    private Set<UUID> stoppedClinics() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery(STOPPED_CLINICS).getResultList();
        return new LinkedHashSet<>(ids);
    }
}
