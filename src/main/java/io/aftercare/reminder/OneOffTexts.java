package io.aftercare.reminder;

import io.aftercare.db.TimeOrderedIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Records texts that follow no plan step: the clinic's own words to a client and the safety answer to an urgent reply.
 * They belong to a client, not a session, and go through the dispatcher like every other text.
 */
@ApplicationScoped
public class OneOffTexts {

    /**
     * A one-off text to record.
     *
     * @param step what the text is, in the step column: {@code manual} or the plan step it was rendered from
     * @param planVersion the plan version it was rendered from; empty for the clinic's own words
     * @param status {@code SCHEDULED}, or {@code HELD} when the number opted out
     * @param quietHoursApply false to send it even in the clinic's quiet hours (the client just wrote)
     */
    public record OneOff(
            UUID clinicId,
            UUID clientId,
            TextKind kind,
            String step,
            Optional<String> planVersion,
            String body,
            Instant dueAt,
            Optional<Instant> expiresAt,
            boolean quietHoursApply,
            Optional<UUID> inReplyTo,
            ReminderStatus status) {

        public OneOff {
            if (kind == TextKind.PLAN) {
                throw new IllegalArgumentException("A plan's text belongs to a session");
            }
            if (status != ReminderStatus.SCHEDULED && status != ReminderStatus.HELD) {
                throw new IllegalArgumentException("A one-off text is recorded as SCHEDULED or HELD, not " + status);
            }
        }
    }

    private final EntityManager entityManager;
    private final Event<TextsScheduled> scheduled;

    OneOffTexts(EntityManager entityManager, Event<TextsScheduled> scheduled) {
        this.entityManager = entityManager;
        this.scheduled = scheduled;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ReminderView record(OneOff text, Instant now) {
        Reminder reminder = new Reminder();
        reminder.id = TimeOrderedIds.next();
        reminder.clinicId = text.clinicId();
        reminder.clientId = text.clientId();
        reminder.kind = text.kind();
        reminder.step = text.step();
        reminder.planVersion = text.planVersion().orElse(null);
        reminder.body = text.body();
        reminder.dueAt = text.dueAt();
        reminder.expiresAt = text.expiresAt().orElse(null);
        reminder.quietHoursApply = text.quietHoursApply();
        reminder.inReplyTo = text.inReplyTo().orElse(null);
        reminder.status = text.status();
        reminder.createdAt = now;
        reminder.updatedAt = now;
        reminder.persist();
        if (reminder.status == ReminderStatus.SCHEDULED) {
            scheduled.fire(new TextsScheduled(reminder.dueAt));
        }
        return ReminderView.of(reminder, null);
    }

    /**
     * Records an urgent answer unless the client was given one since {@code since}. Two urgent replies arriving together
     * must not both be answered: the look-up and the insert run under a transaction-scoped advisory lock on the client,
     * so the second waits for the first to commit and then sees its answer.
     *
     * @return empty when the client had an answer recently enough; nothing was recorded then
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ReminderView> recordUrgentAnswer(OneOff text, Instant since, Instant now) {
        if (text.kind() != TextKind.URGENT_ANSWER) {
            throw new IllegalArgumentException("Not an urgent answer: " + text.kind());
        }
        // An advisory lock rather than the client's row: session posts and erasure lock that row for their own ends.
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended('urgent-answer:' || :client, 0))")
                .setParameter("client", text.clientId().toString())
                .getSingleResult();
        boolean answeredRecently = !entityManager
                .createNativeQuery("SELECT 1 FROM reminder WHERE client_id = :client AND kind = 'URGENT_ANSWER'"
                        + " AND created_at > :since LIMIT 1")
                .setParameter("client", text.clientId())
                .setParameter("since", since)
                .getResultList()
                .isEmpty();
        return answeredRecently ? Optional.empty() : Optional.of(record(text, now));
    }
}
