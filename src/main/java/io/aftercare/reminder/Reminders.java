package io.aftercare.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records the texts of sessions and answers what became of them. */
@ApplicationScoped
public class Reminders {

    /** Records one session's texts, due ones as scheduled and stale ones as skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ReminderView> record(UUID clinicId, UUID sessionId, UUID clientId, String planVersion,
            List<ReminderDraft> drafts, Instant now) {
        return drafts.stream().map(draft -> {
            Reminder reminder = new Reminder();
            reminder.id = UUID.randomUUID();
            reminder.clinicId = clinicId;
            reminder.sessionId = sessionId;
            reminder.clientId = clientId;
            reminder.step = draft.step();
            reminder.planVersion = planVersion;
            reminder.body = draft.body();
            reminder.dueAt = draft.dueAt();
            reminder.status = draft.stale() ? ReminderStatus.SKIPPED : ReminderStatus.SCHEDULED;
            reminder.createdAt = now;
            reminder.updatedAt = now;
            reminder.persist();
            return ReminderView.of(reminder, null);
        }).toList();
    }

    /** Cancels the session's texts that have not gone out; texts already sent or being sent are left alone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(UUID sessionId, Instant now) {
        return Reminder.update("status = ?1, updatedAt = ?2 where sessionId = ?3 and status in ?4",
                ReminderStatus.CANCELLED, now, sessionId, ReminderStatus.PENDING);
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
        return Reminder.getEntityManager()
                .createQuery("select r, s.externalId from Reminder r, TreatmentSession s"
                        + " where s.id = r.sessionId and r.clientId = :client order by r.dueAt, r.step", Object[].class)
                .setParameter("client", clientId)
                .getResultStream()
                .map(row -> ReminderView.of((Reminder) row[0], (String) row[1]))
                .toList();
    }
}
