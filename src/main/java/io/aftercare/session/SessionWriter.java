package io.aftercare.session;

import io.aftercare.client.Client;
import io.aftercare.db.TimeOrderedIds;
import io.aftercare.pagelink.PageLinks.IssuedLink;
import io.aftercare.reminder.ReminderDraft;
import io.aftercare.reminder.ReminderView;
import io.aftercare.reminder.Reminders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores a planned session, its client and its texts. It runs in the post's transaction, which also read what it
 * writes over: all of it is stored or nothing.
 */
@ApplicationScoped
class SessionWriter {

    private final Reminders reminders;

    SessionWriter(Reminders reminders) {
        this.reminders = reminders;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    PostedSession write(PlannedSession planned) {
        ValidSession valid = planned.session();
        Instant now = planned.plannedAt();
        Client client = upsertClient(planned.client(), planned.clinicId(), valid, now);
        // The plan came first, so that the session is inserted once, with its warnings.
        TreatmentSession session = newSession(planned.clinicId(), client.id, valid, planned.plan(), now);
        session.pageTokenHash = planned.pageLink().map(IssuedLink::tokenHash).orElse(null);
        // Flushing here makes a concurrent post of the same session fail now, as a unique-key violation.
        TreatmentSession.flush();
        if (planned.client().isPresent()) {
            // A client seen for the first time has no earlier texts to supersede.
            reminders.supersedeEarlier(
                    client.id, TreatmentSession.earlierSessionIds(client.id, session.id, valid.endedAt()), now);
        }
        List<ReminderDraft> drafts = planned.plan().texts().stream()
                .map(text -> new ReminderDraft(
                        text.step().step().key(),
                        text.step().dueAt(),
                        text.step().expiresAt(),
                        text.body(),
                        text.status()))
                .toList();
        List<ReminderView> texts = reminders.record(
                planned.clinicId(), session.id, client.id, planned.plan().planVersion(), drafts, now);
        return new PostedSession(SessionViews.of(session, valid.clientId(), texts), true);
    }

    private static Client upsertClient(Optional<Client> known, UUID clinicId, ValidSession valid, Instant now) {
        Client client = known.orElseGet(() -> {
            Client created = new Client();
            created.id = TimeOrderedIds.next();
            created.clinicId = clinicId;
            created.externalId = valid.clientId();
            created.createdAt = now;
            return created;
        });
        client.firstName = valid.firstName();
        client.lastName = valid.lastName();
        client.phone = valid.phone();
        client.timeZone = valid.zone().getId();
        client.locale = valid.locale().toLanguageTag();
        client.updatedAt = now;
        client.persist();
        return client;
    }

    private static TreatmentSession newSession(
            UUID clinicId, UUID clientId, ValidSession valid, SessionPlanner.SessionPlan planned, Instant now) {
        TreatmentSession session = new TreatmentSession();
        session.id = TimeOrderedIds.next();
        session.clinicId = clinicId;
        session.clientId = clientId;
        session.externalId = valid.sessionId();
        session.kind = valid.kind();
        session.sessionNumber = valid.sessionNumber();
        session.finalSession = valid.finalSession();
        session.endedAt = valid.endedAt();
        session.fingerprint = valid.fingerprint();
        session.warnings = String.join("\n", planned.warnings());
        session.status = SessionStatus.ACTIVE;
        session.createdAt = now;
        session.planVersion = planned.planVersion();
        session.nextSessionAt = valid.nextSessionAt();
        session.persist();
        return session;
    }
}
