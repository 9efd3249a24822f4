package io.aftercare.session;

import io.aftercare.client.Client;
import io.aftercare.clinic.CachedClinics;
import io.aftercare.clinic.Clinic;
import io.aftercare.pagelink.PageLinks;
import io.aftercare.pagelink.PageLinks.IssuedLink;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.ProblemType;
import io.aftercare.reminder.Reminders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Posts, previews, reads and cancels a clinic's sessions. A post and a preview look up, validate and plan the same
 * way; a post then hands the plan to {@link SessionWriter}.
 */
// Over 150 lines: post, preview, read and cancel share the look-up, validation and planning of a session.
@ApplicationScoped
public class SessionService {

    private static final String UNIQUE_VIOLATION = "23505";

    private final SessionRequestValidator validator;
    private final SessionPlanner planner;
    private final SessionWriter writer;
    private final Reminders reminders;
    private final PageLinks pageLinks;
    private final Clock clock;
    private final CachedClinics clinics;

    SessionService(
            SessionRequestValidator validator,
            SessionPlanner planner,
            SessionWriter writer,
            Reminders reminders,
            PageLinks pageLinks,
            Clock clock,
            CachedClinics clinics) {
        this.validator = validator;
        this.planner = planner;
        this.writer = writer;
        this.reminders = reminders;
        this.pageLinks = pageLinks;
        this.clock = clock;
        this.clinics = clinics;
    }

    /**
     * Stores a completed session and schedules its texts, all of it or nothing. Posting the same session again returns
     * it unchanged; posting different details under the same session id is a conflict.
     */
    public PostedSession post(UUID clinicId, SessionRequest request) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> postOnce(clinicId, request));
        } catch (PersistenceException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // Another request stored the same session or client a moment ago; seen again, it is a repeat.
            return QuarkusTransaction.requiringNew().call(() -> postOnce(clinicId, request));
        }
    }

    // The look-up, the plan and the write share one transaction: the client read here is the row the writer updates.
    private PostedSession postOnce(UUID clinicId, SessionRequest request) {
        Posted posted = lookUp(clinicId, request);
        if (posted.stored().isPresent()) {
            return repeated(posted.stored().get(), posted.session());
        }
        return writer.write(plan(posted, pageLinks.issue()));
    }

    /** What {@link #post} would schedule for this request, rendered; stores nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    SessionPreview preview(UUID clinicId, SessionRequest request) {
        // A sample link as long as a real one: the preview's texts are as long as the posted ones, and no page exists.
        return SessionPreview.of(plan(lookUp(clinicId, request), Optional.empty()));
    }

    /** The clinic, the request checked against its defaults, and the session if the clinic posted it before. */
    private Posted lookUp(UUID clinicId, SessionRequest request) {
        Clinic clinic = clinics.find(clinicId);
        ValidSession session = validator.validate(request, clinic);
        return new Posted(clinic, session, TreatmentSession.findByExternalId(clinicId, session.sessionId()));
    }

    /** Plans the texts against the client's other sessions; a session posted before is not compared with itself. */
    private PlannedSession plan(Posted posted, Optional<IssuedLink> pageLink) {
        Instant now = clock.instant();
        Optional<String> linkInTexts = pageLink.map(IssuedLink::url).or(pageLinks::sample);
        Optional<Client> client =
                Client.findByExternalId(posted.clinic().id, posted.session().clientId());
        SessionPlanner.SessionPlan plan = planner.plan(
                posted.clinic(),
                posted.session(),
                client.map(known -> known.id),
                posted.stored().map(stored -> stored.id),
                linkInTexts,
                now);
        return new PlannedSession(posted.clinic().id, posted.session(), client, plan, now, pageLink);
    }

    private PostedSession repeated(TreatmentSession stored, ValidSession posted) {
        if (!stored.fingerprint.equals(posted.fingerprint())) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "Session " + stored.externalId
                            + " was already posted with different details; post a correction under a new sessionId"
                            + " after cancelling this one");
        }
        return new PostedSession(SessionViews.of(stored, posted.clientId(), reminders.forSession(stored.id)), false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<SessionView> find(UUID clinicId, UUID id) {
        return TreatmentSession.findForClinic(clinicId, id).map(this::view);
    }

    /** The clinic's session with this id, without its texts; empty for another clinic's or an unknown one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SessionSummary> summary(UUID clinicId, UUID id) {
        return TreatmentSession.findForClinic(clinicId, id).map(SessionSummary::of);
    }

    /** The client's sessions at this clinic, whatever their status, in the order they ended. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SessionSummary> forClient(UUID clinicId, UUID clientId) {
        return TreatmentSession.<TreatmentSession>list(
                        "clinicId = ?1 and clientId = ?2 order by endedAt, id", clinicId, clientId)
                .stream()
                .map(SessionSummary::of)
                .toList();
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
     * number, few enough to be guessed back, and the aftercare page. Dates, kinds and statuses stay. A later post of an erased session id is
     * then a conflict, never a silent re-creation of the client.
     *
     * @return how many sessions the client had
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseClientSessions(UUID clientId) {
        // The page goes too: its link, still in texts the client holds, then opens the page of an unknown token.
        return TreatmentSession.update("fingerprint = 'erased', pageTokenHash = null where clientId = ?1", clientId);
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

    /** A post as found: the clinic, the validated request and the session if it was stored before. */
    private record Posted(Clinic clinic, ValidSession session, Optional<TreatmentSession> stored) {}
}
