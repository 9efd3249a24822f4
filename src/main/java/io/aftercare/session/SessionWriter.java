package io.aftercare.session;

import io.aftercare.db.TimeOrderedIds;
import io.aftercare.client.Client;
import io.aftercare.clinic.Clinic;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.ProblemType;
import io.aftercare.reminder.ReminderDraft;
import io.aftercare.reminder.ReminderView;
import io.aftercare.reminder.Reminders;
import io.aftercare.session.SessionPlanner.SessionPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores a posted session, its client and its texts in one transaction: all of it or nothing. */
@ApplicationScoped
class SessionWriter {

    private final SessionRequestValidator validator;
    private final SessionPlanner planner;
    private final Reminders reminders;
    private final Clock clock;

    SessionWriter(SessionRequestValidator validator, SessionPlanner planner, Reminders reminders, Clock clock) {
        this.validator = validator;
        this.planner = planner;
        this.reminders = reminders;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    PostedSession write(UUID clinicId, SessionRequest request) {
        Clinic clinic = Clinic.findById(clinicId);
        ValidSession valid = validator.validate(request, clinic);
        String fingerprint = valid.fingerprint();
        Optional<TreatmentSession> existing = TreatmentSession.findByExternalId(clinicId, valid.sessionId());
        if (existing.isPresent()) {
            return repeated(existing.get(), fingerprint, valid.clientId());
        }
        Instant now = clock.instant();
        Optional<Client> known = Client.findByExternalId(clinicId, valid.clientId());
        UUID sessionId = TimeOrderedIds.next();
        // Planned before anything is written, so that the session is inserted once, with its warnings.
        SessionPlan planned = planner.plan(clinic, valid, known.map(client -> client.id), Optional.of(sessionId), now);
        Client client = upsertClient(known, clinicId, valid, now);
        TreatmentSession session = newSession(sessionId, clinicId, client.id, valid, fingerprint, planned, now);
        // Flushing here makes a concurrent post of the same session fail now, as a unique-key violation.
        TreatmentSession.flush();
        if (known.isPresent()) {
            // A client seen for the first time has no earlier texts to supersede.
            reminders.supersedeEarlier(client.id,
                    TreatmentSession.earlierSessionIds(client.id, session.id, valid.endedAt()), now);
        }
        List<ReminderDraft> drafts = planned.texts().stream()
                .map(text -> new ReminderDraft(text.step().step().key(), text.step().dueAt(), text.step().expiresAt(),
                        text.body(), text.status()))
                .toList();
        List<ReminderView> texts = reminders.record(clinicId, session.id, client.id, planned.planVersion(), drafts, now);
        return new PostedSession(SessionViews.of(session, valid.clientId(), texts), true);
    }

    private PostedSession repeated(TreatmentSession session, String fingerprint, String clientId) {
        if (!session.fingerprint.equals(fingerprint)) {
            throw new ProblemException(ProblemType.CONFLICT, "Session " + session.externalId
                    + " was already posted with different details; post a correction under a new sessionId"
                    + " after cancelling this one");
        }
        return new PostedSession(SessionViews.of(session, clientId, reminders.forSession(session.id)), false);
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

    private static TreatmentSession newSession(UUID id, UUID clinicId, UUID clientId, ValidSession valid,
            String fingerprint, SessionPlan planned, Instant now) {
        TreatmentSession session = new TreatmentSession();
        session.id = id;
        session.clinicId = clinicId;
        session.clientId = clientId;
        session.externalId = valid.sessionId();
        session.kind = valid.kind();
        session.sessionNumber = valid.sessionNumber();
        session.finalSession = valid.finalSession();
        session.endedAt = valid.endedAt();
        session.fingerprint = fingerprint;
        session.warnings = String.join("\n", planned.warnings());
        session.status = SessionStatus.ACTIVE;
        session.createdAt = now;
        session.planVersion = planned.planVersion();
        session.persist();
        return session;
    }
}
