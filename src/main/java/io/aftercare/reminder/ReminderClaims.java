package io.aftercare.reminder;

import io.aftercare.db.SqlValues;
import io.aftercare.plan.QuietHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The dispatcher's work queue, kept in the reminder table itself. Claims take due rows with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of nodes drain the queue together and never take the same row.
 */
// Over 150 lines: the claim, release and expiry statements and the readiness and next-due queries that repeat the
// claim's conditions, kept together so that they cannot drift apart; most of the lines are SQL.
@ApplicationScoped
public class ReminderClaims {

    // Round robin across clinics: every clinic's oldest due text, then every clinic's second, and so on, so that a
    // clinic with a backlog (or a slow batch) never holds up another clinic's texts.
    private static final String CLAIM = """
            WITH candidates AS (
                SELECT due.id, due.due_at, row_number() OVER (PARTITION BY clinic.id ORDER BY due.due_at) AS turn
                FROM clinic
                CROSS JOIN LATERAL (
                    SELECT id, due_at FROM reminder
                    WHERE clinic_id = clinic.id AND status = 'SCHEDULED' AND due_at <= :now
                      AND (expires_at IS NULL OR expires_at > :now)
                      -- A STOP that committed while the session was being posted: the text waits, never goes.
                      AND NOT EXISTS (SELECT 1 FROM opt_out o JOIN client c ON c.phone = o.phone
                                      WHERE c.id = reminder.client_id AND o.clinic_id = reminder.clinic_id)
                    ORDER BY due_at
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED
                ) due
                -- Not while the clinic's sending, or the account's or sender's (every clinic's), is paused.
                WHERE NOT EXISTS (SELECT 1 FROM sending_pause p WHERE p.clinic_id = clinic.id OR p.clinic_id IS NULL)
            ),
            chosen AS (SELECT id FROM candidates ORDER BY turn, due_at LIMIT :limit)
            UPDATE reminder r
            SET status = 'SENDING', claimed_by = :node, claim_expires_at = :leaseEnd,
                attempts = r.attempts + 1, last_attempt_at = :now, updated_at = :now
            FROM chosen, client c, clinic k
            WHERE r.id = chosen.id AND c.id = r.client_id AND k.id = r.clinic_id
            RETURNING r.id, r.clinic_id, c.phone, r.body, r.expires_at, r.unknown_since, r.attempts,
                      c.time_zone,
                      -- A text answering a client who just wrote goes out whatever the hour.
                      CASE WHEN r.quiet_hours_apply THEN k.quiet_hours_start END,
                      CASE WHEN r.quiet_hours_apply THEN k.quiet_hours_end END,
                      r.due_at
            """;

    // The claim's own idea of a text it may take, for each clinic's oldest: one probe of reminder_due_by_clinic per
    // clinic. A text has waited since it fell due or was last handed back (retry, release, quiet hours), whichever is
    // later, so a session posted late is not read as a stall.
    private static final String WAITING = """
            SELECT EXISTS (
                SELECT 1 FROM clinic
                CROSS JOIN LATERAL (
                    SELECT 1 FROM reminder
                    WHERE clinic_id = clinic.id AND status = 'SCHEDULED' AND due_at <= :since AND updated_at <= :since
                      AND (expires_at IS NULL OR expires_at > :now)
                      AND NOT EXISTS (SELECT 1 FROM opt_out o JOIN client c ON c.phone = o.phone
                                      WHERE c.id = reminder.client_id AND o.clinic_id = reminder.clinic_id)
                    ORDER BY due_at
                    LIMIT 1
                ) waiting
                WHERE NOT EXISTS (SELECT 1 FROM sending_pause p WHERE p.clinic_id = clinic.id OR p.clinic_id IS NULL))
            """;

    // The claim's own idea of a text it may take, less "due by now": when the next one falls due. One probe of
    // reminder_due_by_clinic per clinic, as the claim makes.
    private static final String NEXT_DUE = """
            SELECT min(next.due_at) FROM clinic
            CROSS JOIN LATERAL (
                SELECT due_at FROM reminder
                WHERE clinic_id = clinic.id AND status = 'SCHEDULED'
                  AND (expires_at IS NULL OR expires_at > :now)
                  AND NOT EXISTS (SELECT 1 FROM opt_out o JOIN client c ON c.phone = o.phone
                                  WHERE c.id = reminder.client_id AND o.clinic_id = reminder.clinic_id)
                ORDER BY due_at
                LIMIT 1
            ) next
            WHERE NOT EXISTS (SELECT 1 FROM sending_pause p WHERE p.clinic_id = clinic.id OR p.clinic_id IS NULL)
            """;

    /** A health check must answer; a query that waits longer than this counts as a failed check. */
    private static final int HEALTH_QUERY_TIMEOUT_MS = 2_000;

    private static final String EXPIRE_STALE = ChangedTexts.of("""
            UPDATE reminder r
            SET status = 'EXPIRED', error = COALESCE(error || '; ', '') || 'its advice no longer applied by the time it could be sent',
                updated_at = :now
            WHERE status = 'SCHEDULED' AND expires_at <= :now
            """);

    private static final String RELEASE_EXPIRED = """
            UPDATE reminder
            SET status = %s, claimed_by = NULL, claim_expires_at = NULL, updated_at = :now,
                unknown_since = COALESCE(unknown_since, last_attempt_at)
            WHERE status = 'SENDING' AND claim_expires_at < :now
            """.formatted(WaitingStatus.SQL);

    private final EntityManager entityManager;
    private final ChangedTexts changedTexts;

    ReminderClaims(EntityManager entityManager, ChangedTexts changedTexts) {
        this.entityManager = entityManager;
        this.changedTexts = changedTexts;
    }

    /** Claims up to {@code limit} texts that are due, oldest first, for {@code lease}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ClaimedText> claimDue(String node, int limit, Instant now, Duration lease) {
        Instant leaseEnd = now.plus(lease);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(CLAIM)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .setParameter("node", node)
                .setParameter("leaseEnd", leaseEnd)
                .getResultList();
        return rows.stream()
                .map(row -> new ClaimedText(
                        (UUID) row[0],
                        (UUID) row[1],
                        (String) row[2],
                        (String) row[3],
                        Optional.ofNullable(SqlValues.instant(row[4])),
                        Optional.ofNullable(SqlValues.instant(row[5])),
                        ZoneId.of((String) row[7]),
                        quietHours(row[8], row[9]),
                        node,
                        ((Number) row[6]).intValue(),
                        leaseEnd,
                        SqlValues.instant(row[10])))
                .toList();
    }

    private static Optional<QuietHours> quietHours(Object start, Object end) {
        return start == null
                ? Optional.empty()
                : Optional.of(new QuietHours(SqlValues.localTime(start), SqlValues.localTime(end)));
    }

    /**
     * When the earliest text that a claim would take falls due (or fell due: one held by another node's claim under way
     * is still waiting); empty when none waits.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Instant> nextDue(Instant now) {
        return Optional.ofNullable(SqlValues.instant(entityManager
                .createNativeQuery(NEXT_DUE)
                .setParameter("now", now)
                .getSingleResult()));
    }

    /** Whether a text that a claim would take has been waiting for it since {@code since} or earlier. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean textsWaitingSince(Instant since, Instant now) {
        return (Boolean) entityManager
                .createNativeQuery(WAITING, Boolean.class)
                .setParameter("since", since)
                .setParameter("now", now)
                .setHint("jakarta.persistence.query.timeout", HEALTH_QUERY_TIMEOUT_MS)
                .getSingleResult();
    }

    /**
     * Records as expired the texts still waiting (retrying, backlogged) after their advice stopped applying, and tells
     * observers of them ({@link TextsChanged}, one event), in the same transaction.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int expireStale(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(EXPIRE_STALE)
                .setParameter("now", now)
                .getResultList();
        return changedTexts.announceRows(rows);
    }

    /**
     * Puts texts whose claim outlived its lease (their node died or froze before recording an outcome) back in the
     * queue, marked as of unknown outcome: the node may have sent them before it died.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseExpired(Instant now) {
        return entityManager
                .createNativeQuery(RELEASE_EXPIRED)
                .setParameter("now", now)
                .executeUpdate();
    }
}
