package io.aftercare.session;

import io.aftercare.client.Client;
import io.aftercare.clinic.CachedClinics;
import io.aftercare.clinic.Clinic;
import io.aftercare.optout.OptedOutNumbers;
import io.aftercare.pagelink.PageLinks;
import io.aftercare.problem.Problem;
import io.aftercare.problem.ProblemException;
import io.aftercare.reminder.Reminders;
import io.aftercare.template.Templates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Posts, previews, reads and cancels a clinic's sessions. A post is a bulk import of one ({@link SessionImporter});
 * a preview validates and plans the same way and stores nothing.
 */
// Over 150 lines: post, preview, read and cancel share the look-up, validation and planning of a session.
@ApplicationScoped
public class SessionService {

    private final SessionImporter importer;
    private final SessionRequestValidator validator;
    private final SessionPlanner planner;
    private final StoredSessions stored;
    private final OptedOutNumbers optOuts;
    private final Templates templates;
    private final Reminders reminders;
    private final PageLinks pageLinks;
    private final Clock clock;
    private final CachedClinics clinics;

    SessionService(
            SessionImporter importer,
            SessionRequestValidator validator,
            SessionPlanner planner,
            StoredSessions stored,
            OptedOutNumbers optOuts,
            Templates templates,
            Reminders reminders,
            PageLinks pageLinks,
            Clock clock,
            CachedClinics clinics) {
        this.importer = importer;
        this.validator = validator;
        this.planner = planner;
        this.stored = stored;
        this.optOuts = optOuts;
        this.templates = templates;
        this.reminders = reminders;
        this.pageLinks = pageLinks;
        this.clock = clock;
        this.clinics = clinics;
    }

    /**
     * Stores a completed session and schedules its texts, all of it or nothing. Posting the same session again returns
     * it unchanged; posting different details under the same session id is a conflict. A bulk import of one.
     */
    public PostedSession post(UUID clinicId, SessionRequest request) {
        List<SessionRequest> one = new ArrayList<>();
        one.add(request);
        ImportedSession answer = importer.post(clinicId, one, Map.of()).get(0);
        if (answer.problem() != null) {
            throw ProblemException.of(answer.problem());
        }
        return new PostedSession(answer.session(), answer.status() == 201);
    }

    /** Posts up to {@link SessionImport#MAX_SESSIONS} sessions at once, each answered as its own post would be. */
    List<ImportedSession> importAll(UUID clinicId, List<SessionRequest> requests, Map<Integer, Problem> unreadable) {
        return importer.post(clinicId, requests, unreadable);
    }

    /** What {@link #post} would schedule for this request, rendered; stores nothing. */
    @Transactional
    SessionPreview preview(UUID clinicId, SessionRequest request) {
        Clinic clinic = clinics.find(clinicId);
        ValidSession session = validator.validate(request, clinic);
        // A session posted before is not compared with itself.
        Optional<UUID> itself = Optional.ofNullable(stored.byExternalIds(clinicId, List.of(session.sessionId()))
                        .get(session.sessionId()))
                .map(SessionRow::id);
        List<PastSession> others = Optional.ofNullable(
                        stored.clients(clinicId, List.of(session.clientId())).get(session.clientId()))
                .map(client -> client.sessions().stream()
                        .filter(other -> other.status() == SessionStatus.ACTIVE)
                        .filter(other ->
                                itself.map(id -> !id.equals(other.id())).orElse(true))
                        .sorted(PastSession.ENDED_ORDER)
                        .toList())
                .orElse(List.of());
        SessionPlanner.History history = new SessionPlanner.History(
                others,
                !optOuts.among(clinicId, List.of(session.phone())).isEmpty(),
                templates.overrides(clinicId, session.locale().getLanguage()));
        // A sample link as long as a real one: the preview's texts are as long as the posted ones, and no page exists.
        return SessionPreview.of(session, planner.plan(clinic, session, history, pageLinks.sample(), clock.instant()));
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
}
