package io.aftercare.pause;

import io.aftercare.audit.AuditLog;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Sending stopped because the SMS account refused to work: for one clinic, or for every clinic at once when the account
 * itself or the sender is refused ({@link PauseScope}). Each clinic whose sending stops or starts again is told to
 * observers ({@link SendingPauseChanged}) and audited, in the transaction that changed it.
 */
// Pausing and resuming each scope; which clinics a change stopped or freed, and telling of them, is
// StoppedClinicChanges'; the reads the dispatcher, health and the admin API share are PauseReads'.
@ApplicationScoped
public class SendingPauses {

    /**
     * Why and since when sending is stopped.
     *
     * @param clinicId the clinic of a {@link PauseScope#CLINIC} pause; null for an account or sender pause, which stops
     *     every clinic
     */
    public record Pause(PauseScope scope, UUID clinicId, String reason, Instant pausedAt) {}

    private final EntityManager entityManager;
    private final Clock clock;
    private final PauseReads reads;
    private final StoppedClinicChanges stoppedClinics;

    SendingPauses(EntityManager entityManager, Clock clock, AuditLog audit, Event<SendingPauseChanged> changed) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.reads = new PauseReads(entityManager);
        this.stoppedClinics = new StoppedClinicChanges(entityManager, audit, changed);
    }

    /** Stops the clinic's sending, unless it is stopped already; a new pause is told to observers, in this transaction. */
    @Transactional
    public void pause(UUID clinicId, String reason) {
        Set<UUID> stoppedBefore = stoppedClinics.lockAndReadStopped();
        // One instant for the row and the event, so that observers and the API tell the same time.
        Instant now = clock.instant();
        int created = entityManager
                .createNativeQuery("INSERT INTO sending_pause (scope, clinic_id, reason, paused_at)"
                        + " VALUES ('CLINIC', :clinic, :reason, :now) ON CONFLICT (clinic_id) DO NOTHING")
                .setParameter("clinic", clinicId)
                .setParameter("reason", reason)
                .setParameter("now", now)
                .executeUpdate();
        if (created == 1) {
            stoppedClinics.announce(stoppedBefore, Optional.of(reason), now);
            Log.errorf(
                    "Sending paused for clinic %s: %s. Fix the SMS account, then resume it with"
                            + " DELETE /admin/v1/clinics/%s/sending-pause",
                    clinicId, reason, clinicId);
        }
    }

    /**
     * Stops every clinic's sending because the account or the sender is refused, unless that one is paused already: no
     * clinic spends an attempt that would fail the same way. Each clinic this stops is told to observers.
     *
     * @param key the account or sender refused (an account SID, a sender id: nothing secret)
     */
    @Transactional
    public void pause(PauseScope scope, String key, String reason) {
        if (scope == PauseScope.CLINIC) {
            throw new IllegalArgumentException("A clinic's pause names its clinic");
        }
        Set<UUID> stoppedBefore = stoppedClinics.lockAndReadStopped();
        Instant now = clock.instant();
        int created = entityManager
                .createNativeQuery("INSERT INTO sending_pause (scope, scope_key, reason, paused_at)"
                        + " VALUES (:scope, :key, :reason, :now)"
                        + " ON CONFLICT (scope, scope_key) WHERE clinic_id IS NULL DO NOTHING")
                .setParameter("scope", scope.name())
                .setParameter("key", key)
                .setParameter("reason", reason)
                .setParameter("now", now)
                .executeUpdate();
        if (created == 1) {
            stoppedClinics.announce(stoppedBefore, Optional.of(reason), now);
            Log.errorf(
                    "Sending paused for every clinic, the %s being refused: %s. Fix it, then resume with"
                            + " DELETE /admin/v1/sending-pauses/%s",
                    name(scope), reason, name(scope));
        }
    }

    /**
     * Lets the clinic's texts go out again: lifts its own pause and, since its SMS account is said to work again, an
     * account or sender pause too (which lets every clinic send). Each clinic that may send again is told to observers,
     * in this transaction.
     *
     * @return false when the clinic's sending was not paused
     */
    @Transactional
    public boolean resume(UUID clinicId) {
        Set<UUID> stoppedBefore = stoppedClinics.lockAndReadStopped();
        int lifted = entityManager
                .createNativeQuery("DELETE FROM sending_pause WHERE clinic_id = :clinic OR clinic_id IS NULL")
                .setParameter("clinic", clinicId)
                .executeUpdate();
        stoppedClinics.announce(stoppedBefore, Optional.empty(), clock.instant());
        return lifted > 0;
    }

    /**
     * Lifts the account's or the sender's pause; each clinic that may send again is told to observers.
     *
     * @return false when that scope was not paused
     */
    @Transactional
    public boolean resume(PauseScope scope) {
        Set<UUID> stoppedBefore = stoppedClinics.lockAndReadStopped();
        int lifted = entityManager
                .createNativeQuery("DELETE FROM sending_pause WHERE scope = :scope AND clinic_id IS NULL")
                .setParameter("scope", scope.name())
                .executeUpdate();
        stoppedClinics.announce(stoppedBefore, Optional.empty(), clock.instant());
        return lifted > 0;
    }

    @Transactional
    public List<Pause> all() {
        return reads.all();
    }

    /** How many clinics are paused on their own (an account or sender pause stops them all, and is not counted). */
    @Transactional
    public long count() {
        return reads.count();
    }

    /** How many pauses stand, by scope (every scope present, zero when none); for health and metrics. */
    @Transactional
    public Map<PauseScope, Long> countsByScope() {
        return reads.countsByScope();
    }

    /** The pause that stops the clinic's sending: its own, or else the account's or the sender's. */
    @Transactional
    public Optional<Pause> of(UUID clinicId) {
        return reads.of(clinicId);
    }

    /** The account's or the sender's pause, if it stands. */
    @Transactional
    public Optional<Pause> of(PauseScope scope) {
        return reads.of(scope);
    }

    private static String name(PauseScope scope) {
        return scope.name().toLowerCase(Locale.ROOT);
    }
}
