package io.aftercare.reminder;

import io.aftercare.db.SqlValues;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The SMS provider's reports on sent texts (delivery receipts), none of them lost. Twilio may report on a message before
 * the batched outcome write has recorded its sid (it calls back within milliseconds, and a burst delays the write): such
 * a report is kept in {@code pending_receipt} and applied by that write, in its transaction ({@link #applyPending}).
 *
 * <p>Why nothing slips between the two: a report for an unknown sid takes an exclusive advisory lock before it looks
 * again and keeps itself, and every outcome write takes the same lock shared (outcome writes never wait for each other)
 * before it reads the kept reports. Either the write commits first and the report, looking again under the lock, finds
 * its text; or the report is kept first and the write, waiting for the lock, reads it.
 */
@ApplicationScoped
public class ProviderReceipts {

    /** How long a report for a sid no text carries is kept: Twilio reports within minutes of accepting a text. */
    static final Duration KEPT_FOR = Duration.ofHours(24);

    private static final String LOCK = "hashtextextended('pending-receipts', 0)";

    private static final String KEEP = """
            INSERT INTO pending_receipt (provider_id, provider_status, provider_rank, final_status, error, received_at)
            VALUES (:providerId, :providerStatus, :rank, :final, :error, :now)
            ON CONFLICT (provider_id) DO UPDATE
               SET provider_status = excluded.provider_status, provider_rank = excluded.provider_rank,
                   final_status = excluded.final_status, error = excluded.error, received_at = excluded.received_at
             WHERE excluded.provider_rank > pending_receipt.provider_rank
            """;

    // Only the reports of sids a text now carries: a sid whose claim was lost waits for the text's new owner.
    private static final String TAKE = """
            DELETE FROM pending_receipt p
             WHERE p.provider_id IN (:providerIds)
               AND EXISTS (SELECT 1 FROM reminder r WHERE r.provider_id = p.provider_id)
            RETURNING p.provider_id, p.provider_status, p.provider_rank, p.final_status, p.error, p.received_at
            """;

    private final Reminders reminders;
    private final EntityManager entityManager;

    ProviderReceipts(Reminders reminders, EntityManager entityManager) {
        this.reminders = reminders;
        this.entityManager = entityManager;
    }

    /**
     * Records a report as {@link Reminders#providerReported} does, or keeps it until its sid is recorded.
     *
     * @return the number the text went to when a text carries this sid (whether the report changed it or was older
     *     than what is known); empty when none does yet and the report was kept
     */
    @Transactional
    public Optional<String> record(
            String providerId,
            String providerStatus,
            int rank,
            Optional<ReminderStatus> finalStatus,
            String error,
            Instant now) {
        reminders.providerReported(providerId, providerStatus, rank, finalStatus, error, now);
        Optional<String> recipient = recipient(providerId);
        if (recipient.isPresent()) {
            return recipient;
        }
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK + ")")
                .getSingleResult();
        // Under the lock, an outcome write that was under way has committed: look again.
        reminders.providerReported(providerId, providerStatus, rank, finalStatus, error, now);
        recipient = recipient(providerId);
        if (recipient.isEmpty()) {
            entityManager
                    .createNativeQuery(KEEP)
                    .setParameter("providerId", providerId)
                    .setParameter("providerStatus", providerStatus)
                    .setParameter("rank", rank)
                    .setParameter("final", finalStatus.map(Enum::name).orElse(""))
                    .setParameter("error", error == null ? "" : error)
                    .setParameter("now", now)
                    .executeUpdate();
        }
        return recipient;
    }

    /**
     * Applies the reports kept for these sids to the texts that now carry them, and forgets them. Call it in the
     * transaction that recorded the sids, after they are written.
     *
     * @return how many kept reports were applied
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int applyPending(Collection<String> providerIds) {
        if (providerIds.isEmpty()) {
            return 0;
        }
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock_shared(" + LOCK + ")")
                .getSingleResult();
        return apply(entityManager
                .createNativeQuery(TAKE)
                .setParameter("providerIds", providerIds)
                .getResultList());
    }

    /**
     * Applies any kept report whose sid a text has come to carry by another way, and drops those kept longer than a
     * day: their sid was never ours to record.
     *
     * @return how many were dropped
     */
    @Transactional
    public int sweep(Instant now) {
        apply(entityManager.createNativeQuery("""
                        DELETE FROM pending_receipt p
                         WHERE EXISTS (SELECT 1 FROM reminder r WHERE r.provider_id = p.provider_id)
                        RETURNING p.provider_id, p.provider_status, p.provider_rank, p.final_status, p.error,
                                  p.received_at""").getResultList());
        int dropped = entityManager
                .createNativeQuery("DELETE FROM pending_receipt WHERE received_at < :before")
                .setParameter("before", now.minus(KEPT_FOR))
                .executeUpdate();
        if (dropped > 0) {
            Log.warnf("Dropped %d delivery receipts kept over %s for message sids no text carries", dropped, KEPT_FOR);
        }
        return dropped;
    }

    /** Whether a report for this sid waits for its text. */
    @Transactional
    public boolean isPending(String providerId) {
        return !entityManager
                .createNativeQuery("SELECT 1 FROM pending_receipt WHERE provider_id = :id")
                .setParameter("id", providerId)
                .getResultList()
                .isEmpty();
    }

    /** How many reports wait for their sid. */
    @Transactional
    public long pendingCount() {
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM pending_receipt")
                        .getSingleResult())
                .longValue();
    }

    private int apply(List<?> rows) {
        for (Object result : rows) {
            Object[] row = (Object[]) result;
            String finalStatus = (String) row[3];
            String error = (String) row[4];
            reminders.providerReported(
                    (String) row[0],
                    (String) row[1],
                    ((Number) row[2]).intValue(),
                    finalStatus.isEmpty() ? Optional.empty() : Optional.of(ReminderStatus.valueOf(finalStatus)),
                    error.isEmpty() ? null : error,
                    SqlValues.instant(row[5]));
        }
        return rows.size();
    }

    private Optional<String> recipient(String providerId) {
        @SuppressWarnings("unchecked")
        List<String> phones = entityManager
                .createNativeQuery(
                        "SELECT c.phone FROM reminder r JOIN client c ON c.id = r.client_id WHERE r.provider_id = :id")
                .setParameter("id", providerId)
                .getResultList();
        return phones.stream().findFirst();
    }
}
