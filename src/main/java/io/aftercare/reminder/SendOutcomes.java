package io.aftercare.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** Records what became of a claimed text, if the claim is still the one that sent it. */
// One fenced statement per outcome of an attempt (retry, failed, expired, released, renewed), kept beside the fence
// they share; the batch statement for sent texts is SentStatement's.
@ApplicationScoped
public class SendOutcomes {

    private static final String FENCE =
            " WHERE id = :id AND status = 'SENDING' AND claimed_by = :node AND attempts = :attempt";

    private static final String FAILED = ChangedTexts.of("UPDATE reminder r SET status = 'FAILED', error = :error,"
            + " claimed_by = NULL, claim_expires_at = NULL, updated_at = :now" + FENCE);

    private static final String RETRY =
            "UPDATE reminder SET status = " + WaitingStatus.SQL + ", due_at = :retryAt, error = :error,"
                    + " claimed_by = NULL, claim_expires_at = NULL, updated_at = :now" + FENCE;

    // The attempt may have reached the provider: the next one asks it first.
    private static final String RETRY_UNKNOWN =
            "UPDATE reminder SET status = " + WaitingStatus.SQL + ", due_at = :retryAt,"
                    + " error = :error, unknown_since = COALESCE(unknown_since, last_attempt_at),"
                    + " claimed_by = NULL, claim_expires_at = NULL, updated_at = :now" + FENCE;

    private static final String EXPIRED = ChangedTexts.of("UPDATE reminder r SET status = 'EXPIRED', error = :error,"
            + " claimed_by = NULL, claim_expires_at = NULL, updated_at = :now" + FENCE);

    private static final String RELEASE = "UPDATE reminder SET status = " + WaitingStatus.SQL
            + ", attempts = attempts - 1," + " claimed_by = NULL, claim_expires_at = NULL, updated_at = :now" + FENCE;

    private final EntityManager entityManager;
    private final ChangedTexts changedTexts;
    private final SentStatement sentStatement;
    private final ProviderReceipts receipts;
    private final Event<TextsScheduled> scheduled;

    SendOutcomes(
            EntityManager entityManager,
            ChangedTexts changedTexts,
            ProviderReceipts receipts,
            Event<TextsScheduled> scheduled) {
        this.entityManager = entityManager;
        this.changedTexts = changedTexts;
        this.sentStatement = new SentStatement(changedTexts);
        this.receipts = receipts;
        this.scheduled = scheduled;
    }

    /** A text the provider accepted, and when. */
    public record Sent(ClaimedText text, String providerId, Instant at) {}

    /** One claim of one text: a text claimed again after its lease ran out is another claim. */
    public record Claim(UUID reminderId, String node, int attempt) {
        public static Claim of(ClaimedText text) {
            return new Claim(text.reminderId(), text.claimedBy(), text.attempt());
        }
    }

    /**
     * Records the texts as sent and tells observers of those written ({@link TextsChanged}, one event), in the same
     * transaction, which also applies the delivery receipts that came before their sids ({@link ProviderReceipts}).
     *
     * @return the claims that were still held, and so recorded; a lost claim is left as its new owner has it
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Set<Claim> recordSent(List<Sent> sent) {
        Set<Claim> recorded = entityManager
                .unwrap(Session.class)
                .doReturningWork(connection -> sentStatement.write(connection, sent));
        receipts.applyPending(sent.stream().map(Sent::providerId).toList());
        return recorded;
    }

    /** Records the text as failed for good and tells observers ({@link TextsChanged}), in the same transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean recordFailed(ClaimedText text, String error, Instant now) {
        return finish(FAILED, text, error, now);
    }

    /** Records the text as expired unsent and tells observers ({@link TextsChanged}), in the same transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean recordExpired(ClaimedText text, String error, Instant now) {
        return finish(EXPIRED, text, error, now);
    }

    private boolean finish(String sql, ClaimedText text, String error, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = fenced(sql, text)
                .setParameter("now", now)
                .setParameter("error", error)
                .getResultList();
        return changedTexts.announceRows(rows) == 1;
    }

    /** Puts a claimed text back in the queue until {@code retryAt} and tells the dispatcher ({@link TextsScheduled}). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean retryLater(ClaimedText text, String error, Instant retryAt, boolean outcomeUnknown, Instant now) {
        boolean recorded = fenced(outcomeUnknown ? RETRY_UNKNOWN : RETRY, text)
                        .setParameter("now", now)
                        .setParameter("retryAt", retryAt)
                        .setParameter("error", error)
                        .executeUpdate()
                == 1;
        if (recorded) {
            scheduled.fire(new TextsScheduled(retryAt));
        }
        return recorded;
    }

    // Not an attempt: the text only waits for the client's morning.
    private static final String POSTPONE = "UPDATE reminder SET status = " + WaitingStatus.SQL + ", due_at = :at,"
            + " attempts = attempts - 1, claimed_by = NULL, claim_expires_at = NULL, updated_at = :now" + FENCE;

    /** Puts a claimed text back in the queue until {@code at}, as if it had not been claimed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean postpone(ClaimedText text, Instant at, Instant now) {
        return fenced(POSTPONE, text)
                        .setParameter("at", at)
                        .setParameter("now", now)
                        .executeUpdate()
                == 1;
    }

    // Taken just before the provider is called: a claim whose lease ran out while the text waited for a sender thread
    // or a rate slot may already belong to another node, which would send it too.
    private static final String RENEW = "UPDATE reminder SET claim_expires_at = :leaseEnd, updated_at = :now" + FENCE;

    /** @return false when the claim was lost: the text must not be sent from here */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean renew(ClaimedText text, Instant now, Duration lease) {
        return fenced(RENEW, text)
                        .setParameter("now", now)
                        .setParameter("leaseEnd", now.plus(lease))
                        .executeUpdate()
                == 1;
    }

    /** Whether a provider message id is already the record of some text. */
    @Transactional
    public boolean isRecorded(String providerId) {
        return !entityManager
                .createNativeQuery("SELECT 1 FROM reminder WHERE provider_id = :providerId")
                .setParameter("providerId", providerId)
                .getResultList()
                .isEmpty();
    }

    /** Hands back a claimed text that was never sent, as if it had not been claimed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean release(ClaimedText text, Instant now) {
        return fenced(RELEASE, text).setParameter("now", now).executeUpdate() == 1;
    }

    private jakarta.persistence.Query fenced(String sql, ClaimedText text) {
        return entityManager
                .createNativeQuery(sql)
                .setParameter("id", text.reminderId())
                .setParameter("node", text.claimedBy())
                .setParameter("attempt", text.attempt());
    }
}
