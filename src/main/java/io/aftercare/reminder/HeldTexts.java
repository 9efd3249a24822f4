package io.aftercare.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The texts of a number that opted out: held while it is out, and when it opts back in scheduled again or skipped.
 * Texts being sent at that moment are held as their attempt ends ({@link WaitingStatus}).
 */
@ApplicationScoped
public class HeldTexts {

    /** A last step held past its due time is still sent on opt-in if it fell due this recently. */
    static final Duration LAST_STEP_GRACE = Duration.ofDays(3);

    private final EntityManager entityManager;

    HeldTexts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Holds the scheduled texts of the clients with this number at these clinics.
     *
     * @return how many texts were held
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int hold(String phone, List<UUID> clinics, Instant now) {
        return entityManager
                .createNativeQuery("UPDATE reminder SET status = 'HELD', updated_at = :now"
                        + " WHERE status = 'SCHEDULED' AND client_id IN"
                        + " (SELECT id FROM client WHERE phone = :phone AND clinic_id IN (:clinics))")
                .setParameter("phone", phone)
                .setParameter("clinics", clinics)
                .setParameter("now", now)
                .executeUpdate();
    }

    /**
     * The number opted back in: held texts due later are scheduled again; of those whose time has passed, only the one
     * whose advice still applies (the next text of its session is not due yet, or it is the session's last and fell
     * due within {@link #LAST_STEP_GRACE}) goes out, the others are skipped. A text of no session (a clinic's own, an
     * urgent answer) is its own last step.
     *
     * @return how many held texts were scheduled again, and how many skipped
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Released release(String phone, Instant now) {
        @SuppressWarnings("unchecked")
        List<String> statuses = entityManager
                .createNativeQuery("""
                WITH held AS (
                    SELECT r.id, r.due_at, LEAD(r.due_at) OVER (PARTITION BY COALESCE(r.session_id, r.id) ORDER BY r.due_at)
                           AS next_due
                      FROM reminder r JOIN client c ON c.id = r.client_id
                     WHERE c.phone = :phone AND r.status = 'HELD')
                UPDATE reminder r
                   SET status = CASE WHEN h.due_at > :now THEN 'SCHEDULED'
                                     WHEN h.next_due IS NOT NULL AND h.next_due > :now THEN 'SCHEDULED'
                                     WHEN h.next_due IS NULL AND h.due_at > :graceStart THEN 'SCHEDULED'
                                     ELSE 'SKIPPED' END,
                       updated_at = :now
                  FROM held h
                 WHERE r.id = h.id
                RETURNING r.status
                """)
                .setParameter("phone", phone)
                .setParameter("now", now)
                .setParameter("graceStart", now.minus(LAST_STEP_GRACE))
                .getResultList();
        int skipped = (int) statuses.stream().filter("SKIPPED"::equals).count();
        return new Released(statuses.size() - skipped, skipped);
    }

    /** What became of a number's held texts when it opted back in. */
    public record Released(int scheduled, int skipped) {}
}
