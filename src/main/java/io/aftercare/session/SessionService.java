package io.aftercare.session;

import io.aftercare.client.Client;
import io.aftercare.clinic.Clinic;
import io.aftercare.reminder.Reminders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Posts, reads and cancels a clinic's sessions. */
@ApplicationScoped
public class SessionService {

    private static final String UNIQUE_VIOLATION = "23505";

    private final SessionWriter writer;
    private final SessionRequestValidator validator;
    private final SessionPlanner planner;
    private final Reminders reminders;
    private final Clock clock;

    SessionService(SessionWriter writer, SessionRequestValidator validator, SessionPlanner planner, Reminders reminders,
            Clock clock) {
        this.writer = writer;
        this.validator = validator;
        this.planner = planner;
        this.reminders = reminders;
        this.clock = clock;
    }

    /**
     * Stores a completed session and schedules its texts. Posting the same session again returns it unchanged;
     * posting different details under the same session id is a conflict.
     */
    public PostedSession post(UUID clinicId, SessionRequest request) {
        try {
            return writer.write(clinicId, request);
        } catch (PersistenceException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // Another request stored the same session or client a moment ago; seen again, it is a repeat.
            return writer.write(clinicId, request);
        }
    }

    /** What {@link #post} would schedule for this request, rendered; stores nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionPreview preview(UUID clinicId, SessionRequest request) {
        Clinic clinic = Clinic.findById(clinicId);
        ValidSession session = validator.validate(request, clinic);
        Optional<UUID> clientId = Client.findByExternalId(clinicId, session.clientId()).map(client -> client.id);
        Optional<UUID> sessionId = TreatmentSession.findByExternalId(clinicId, session.sessionId()).map(stored -> stored.id);
        return SessionPreview.of(session, planner.plan(clinic, session, clientId, sessionId, clock.instant()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SessionView> find(UUID clinicId, UUID id) {
        return TreatmentSession.findForClinic(clinicId, id).map(this::view);
    }

    /** Withdraws a session posted by mistake: its pending texts are cancelled, texts already sent stay as they are. */
    @Transactional
    public Optional<SessionView> cancel(UUID clinicId, UUID id) {
        return TreatmentSession.findForClinic(clinicId, id).map(session -> {
            if (session.status != SessionStatus.CANCELLED) {
                session.status = SessionStatus.CANCELLED;
                session.cancelledAt = clock.instant();
                reminders.cancelPending(session.id, session.cancelledAt);
            }
            return view(session);
        });
    }

    /**
     * Erases what a client's sessions hold of them: the fingerprint, a hash of the post that includes the name and
     * number, few enough to be guessed back. Dates, kinds and statuses stay. A later post of an erased session id is
     * then a conflict, never a silent re-creation of the client.
     *
     * @return how many sessions the client had
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseClientSessions(UUID clientId) {
        return TreatmentSession.update("fingerprint = 'erased' where clientId = ?1", clientId);
    }

    private SessionView view(TreatmentSession session) {
        Client client = Client.findById(session.clientId);
        return SessionViews.of(session, client.externalId, reminders.forSession(session.id));
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
