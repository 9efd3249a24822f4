package io.aftercare.reminder;

import io.aftercare.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Records the texts of sessions and answers what became of them. */
// The reminder table's cancel, erase and provider-report writes and its reads, for sessions, clients, erasure and the
// dashboard: the entry point other features call. How a provider report is applied is ProviderReportUpdate's, the
// clinic-wide lists' statements ClinicTextLists'; claims, outcomes and held texts have classes of their own.
@ApplicationScoped
public class Reminders {

    /** The most texts one page of a clinic-wide list holds. */
    public static final int MAX_PAGE = 200;

    private final SessionExternalIds sessionExternalIds;
    private final ProviderReportUpdate providerReports;
    private final Clock clock;

    Reminders(SessionExternalIds sessionExternalIds, ChangedTexts changedTexts, Clock clock) {
        this.sessionExternalIds = sessionExternalIds;
        this.providerReports = new ProviderReportUpdate(changedTexts);
        this.clock = clock;
    }

    /** Cancels the session's texts that have not gone out; texts already sent or being sent are left alone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(UUID sessionId, Instant now) {
        return Reminder.update(
                "status = ?1, updatedAt = ?2 where sessionId = ?3 and status in ?4",
                ReminderStatus.CANCELLED,
                now,
                sessionId,
                ReminderStatus.PENDING);
    }

    /**
     * Locks every text of the client until the transaction ends: a dispatcher's claim skips them meanwhile.
     *
     * @return how many of them a dispatcher is sending at this moment; such a text's outcome is still to be recorded
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int lockClientTexts(UUID clientId) {
        return (int) Reminder.getEntityManager()
                .createNativeQuery("SELECT status FROM reminder WHERE client_id = :client FOR UPDATE")
                .setParameter("client", clientId)
                .getResultList()
                .stream()
                .filter(ReminderStatus.SENDING.name()::equals)
                .count();
    }

    /**
     * Erases the client's texts: those that have not gone out are cancelled, and every text loses its body (it holds
     * the client's name) and its error text (a provider's may quote the number). Statuses, steps and times stay, so
     * counts still add up. Call with the texts locked ({@link #lockClientTexts}) and none being sent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ErasedTexts eraseClientTexts(UUID clientId, Instant now) {
        int cancelled = Reminder.update(
                "status = ?1, updatedAt = ?2 where clientId = ?3 and status in ?4",
                ReminderStatus.CANCELLED,
                now,
                clientId,
                ReminderStatus.PENDING);
        int erased = Reminder.update("body = '', error = null, updatedAt = ?1 where clientId = ?2", now, clientId);
        return new ErasedTexts(erased, cancelled);
    }

    /**
     * Records what the SMS provider later said of a sent text. Reports may come twice or out of order: a report is
     * kept only when it goes further than the one before ({@code rank}), and only a text still {@code SENT} takes the
     * final status, so a delivered text stays delivered. A text that took it is told to observers
     * ({@link TextsChanged}) in the same transaction.
     *
     * @param finalStatus {@code DELIVERED} or {@code FAILED} when the report ends the text's journey
     * @return false when no text carries this provider id, or the report was older than what is known
     */
    @Transactional
    public boolean providerReported(
            String providerId,
            String providerStatus,
            int rank,
            Optional<ReminderStatus> finalStatus,
            String error,
            Instant now) {
        return providerReports.apply(providerId, providerStatus, rank, finalStatus, error, now);
    }

    /**
     * The clinic whose text reached this number last (accepted by the SMS provider), if any did: the clinic a reply
     * from the number is about. A clinic that only posted the number, and never texted it, is not it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> lastClinicToText(String phone) {
        return Reminder.getEntityManager()
                .createNativeQuery("""
                SELECT r.clinic_id FROM client c JOIN reminder r ON r.client_id = c.id
                 WHERE c.phone = :phone AND r.sent_at IS NOT NULL
                 ORDER BY r.sent_at DESC LIMIT 1
                """)
                .setParameter("phone", phone)
                .getResultStream()
                .findFirst()
                .map(UUID.class::cast);
    }

    /**
     * The client of the clinic whose text reached this number last, as {@link #lastClinicToText} finds the clinic.
     *
     * @return the clinic's id and the client's, or empty when no clinic texted the number
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TextedClient> lastClientTexted(String phone) {
        return Reminder.getEntityManager()
                .createNativeQuery("""
                SELECT r.clinic_id, r.client_id FROM client c JOIN reminder r ON r.client_id = c.id
                 WHERE c.phone = :phone AND r.sent_at IS NOT NULL
                 ORDER BY r.sent_at DESC LIMIT 1
                """)
                .setParameter("phone", phone)
                .getResultStream()
                .findFirst()
                .map(row -> {
                    Object[] ids = (Object[]) row;
                    return new TextedClient((UUID) ids[0], (UUID) ids[1]);
                });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReminderView> forSession(UUID sessionId) {
        return Reminder.<Reminder>list("sessionId = ?1 order by dueAt, step", sessionId).stream()
                .map(reminder -> ReminderView.of(reminder, null))
                .toList();
    }

    /** Every text of a client, oldest first, each with the clinic's id of its session. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReminderView> forClient(UUID clientId) {
        List<Reminder> texts = Reminder.list("clientId = ?1 order by dueAt, step", clientId);
        if (texts.isEmpty()) {
            return List.of();
        }
        // A clinic's own texts and urgent answers belong to no session.
        List<UUID> sessionIds = texts.stream()
                .map(text -> text.sessionId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<UUID, String> sessions = sessionIds.isEmpty() ? Map.of() : sessionExternalIds.of(sessionIds);
        return texts.stream()
                .map(text -> ReminderView.of(text, text.sessionId == null ? null : sessions.get(text.sessionId)))
                .toList();
    }

    /**
     * The clinic's texts due in {@code [from, to)}, whatever became of them, earliest first, a page at a time.
     *
     * @param cursor the {@code nextCursor} of the page before, or null for the first
     * @throws ProblemException 400 naming {@code cursor} or {@code limit}
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ClinicTextPage dueBetween(UUID clinicId, Instant from, Instant to, String cursor, int limit) {
        return ClinicTextLists.dueBetween(clinicId, from, to, cursor, limit);
    }

    /**
     * The clinic's texts due since {@code since} (and by now) that failed, expired or are held for an opt-out: what
     * someone at the clinic may need to act on. Latest first, a page at a time.
     *
     * @param cursor the {@code nextCursor} of the page before, or null for the first
     * @throws ProblemException 400 naming {@code cursor} or {@code limit}
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ClinicTextPage needingAttention(UUID clinicId, Instant since, String cursor, int limit) {
        return ClinicTextLists.needingAttention(clinicId, since, clock.instant(), cursor, limit);
    }
}
