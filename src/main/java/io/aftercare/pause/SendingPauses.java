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
import java.util.EnumMap;
import java.util.LinkedHashSet;
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
// Over 150 lines: pausing and resuming each scope, and the reads the dispatcher, health and the admin API share.
@ApplicationScoped
public class SendingPauses {

    /**
     * Why and since when sending is stopped.
     *
     * @param clinicId the clinic of a {@link PauseScope#CLINIC} pause; null for an account or sender pause, which stops
     *     every clinic
     */
    public record Pause(PauseScope scope, UUID clinicId, String reason, Instant pausedAt) {}

    private static final String COLUMNS = "scope, clinic_id, reason, paused_at";

    // Clinics that cannot send: paused themselves, or every clinic while an account or sender pause stands.
    private static final String STOPPED_CLINICS =
            "SELECT c.id FROM clinic c WHERE EXISTS (SELECT 1 FROM sending_pause p"
                    + " WHERE p.clinic_id = c.id OR p.clinic_id IS NULL) ORDER BY c.id";

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
        Set<UUID> stoppedBefore = lockAndReadStopped();
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
            announce(stoppedBefore, Optional.of(reason), now);
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
        Set<UUID> stoppedBefore = lockAndReadStopped();
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
            announce(stoppedBefore, Optional.of(reason), now);
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
        Set<UUID> stoppedBefore = lockAndReadStopped();
        int lifted = entityManager
                .createNativeQuery("DELETE FROM sending_pause WHERE clinic_id = :clinic OR clinic_id IS NULL")
                .setParameter("clinic", clinicId)
                .executeUpdate();
        announce(stoppedBefore, Optional.empty(), clock.instant());
        return lifted > 0;
    }

    /**
     * Lifts the account's or the sender's pause; each clinic that may send again is told to observers.
     *
     * @return false when that scope was not paused
     */
    @Transactional
    public boolean resume(PauseScope scope) {
        Set<UUID> stoppedBefore = lockAndReadStopped();
        int lifted = entityManager
                .createNativeQuery("DELETE FROM sending_pause WHERE scope = :scope AND clinic_id IS NULL")
                .setParameter("scope", scope.name())
                .executeUpdate();
        announce(stoppedBefore, Optional.empty(), clock.instant());
        return lifted > 0;
    }

    @Transactional
    public List<Pause> all() {
        return pauses(entityManager.createNativeQuery(
                "SELECT " + COLUMNS + " FROM sending_pause ORDER BY paused_at, scope, clinic_id"));
    }

    /** How many clinics are paused on their own (an account or sender pause stops them all, and is not counted). */
    @Transactional
    public long count() {
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM sending_pause WHERE scope = 'CLINIC'")
                        .getSingleResult())
                .longValue();
    }

    /** How many pauses stand, by scope (every scope present, zero when none); for health and metrics. */
    @Transactional
    public Map<PauseScope, Long> countsByScope() {
        Map<PauseScope, Long> counts = new EnumMap<>(PauseScope.class);
        for (PauseScope scope : PauseScope.values()) {
            counts.put(scope, 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT scope, count(*) FROM sending_pause GROUP BY scope")
                .getResultList();
        rows.forEach(row -> counts.put(PauseScope.valueOf((String) row[0]), ((Number) row[1]).longValue()));
        return counts;
    }

    /** The pause that stops the clinic's sending: its own, or else the account's or the sender's. */
    @Transactional
    public Optional<Pause> of(UUID clinicId) {
        return pauses(entityManager
                        .createNativeQuery("SELECT " + COLUMNS + " FROM sending_pause"
                                + " WHERE clinic_id = :clinic OR clinic_id IS NULL"
                                + " ORDER BY clinic_id NULLS LAST, paused_at LIMIT 1")
                        .setParameter("clinic", clinicId))
                .stream()
                .findFirst();
    }

    /** The account's or the sender's pause, if it stands. */
    @Transactional
    public Optional<Pause> of(PauseScope scope) {
        return pauses(entityManager
                        .createNativeQuery("SELECT " + COLUMNS + " FROM sending_pause"
                                + " WHERE scope = :scope AND clinic_id IS NULL ORDER BY paused_at LIMIT 1")
                        .setParameter("scope", scope.name()))
                .stream()
                .findFirst();
    }

    // Pauses and resumes take turns, so that each knows which clinics it stopped or freed; the dispatcher's claims
    // only read the table and are not held up.
    private Set<UUID> lockAndReadStopped() {
        entityManager
                .createNativeQuery("LOCK TABLE sending_pause IN SHARE ROW EXCLUSIVE MODE")
                .executeUpdate();
        return stoppedClinics();
    }

    private Set<UUID> stoppedClinics() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery(STOPPED_CLINICS).getResultList();
        return new LinkedHashSet<>(ids);
    }

    /** Tells of every clinic whose sending stopped (a reason) or started again (none) since {@code before}. */
    private void announce(Set<UUID> before, Optional<String> reason, Instant now) {
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

    private static String name(PauseScope scope) {
        return scope.name().toLowerCase(Locale.ROOT);
    }

    private static List<Pause> pauses(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(row -> new Pause(
                        PauseScope.valueOf((String) row[0]), (UUID) row[1], (String) row[2], SqlValues.instant(row[3])))
                .toList();
    }
}
