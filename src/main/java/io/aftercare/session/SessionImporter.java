package io.aftercare.session;

import io.aftercare.client.ClientRows;
import io.aftercare.clinic.CachedClinics;
import io.aftercare.clinic.Clinic;
import io.aftercare.db.ConcurrentChange;
import io.aftercare.db.Jdbc;
import io.aftercare.db.RoundTrip;
import io.aftercare.optout.OptedOutNumbers;
import io.aftercare.pagelink.PageLinks;
import io.aftercare.problem.Problem;
import io.aftercare.problem.ProblemException;
import io.aftercare.reminder.SessionTexts;
import io.aftercare.template.Templates;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Posts sessions set-wise, in one transaction: a batch of one for {@code POST /v1/sessions}, up to 1,000 for a bulk
 * import. A handful of statements whatever the number of sessions: the clinic, the sessions already stored, their
 * clients with their other sessions, the opt-outs of their numbers, the clinic's wording per language, then one round
 * trip writing clients, sessions and texts ({@link RoundTrip}). No ORM flush.
 */
// Over 150 lines: the constructor of its eleven collaborators and the retry; the reads, the run and the write that
// share one transaction are a few lines each.
@ApplicationScoped
class SessionImporter {

    private static final String UNIQUE_VIOLATION = "23505";

    private final SessionRequestValidator validator;
    private final SessionPlanner planner;
    private final StoredSessions stored;
    private final OptedOutNumbers optOuts;
    private final Templates templates;
    private final PageLinks pageLinks;
    private final ClientRows clientRows;
    private final SessionRows sessionRows;
    private final SessionTexts sessionTexts;
    private final Jdbc jdbc;
    private final Clock clock;
    private final CachedClinics clinics;

    SessionImporter(
            SessionRequestValidator validator,
            SessionPlanner planner,
            StoredSessions stored,
            OptedOutNumbers optOuts,
            Templates templates,
            PageLinks pageLinks,
            ClientRows clientRows,
            SessionRows sessionRows,
            SessionTexts sessionTexts,
            Jdbc jdbc,
            Clock clock,
            CachedClinics clinics) {
        this.validator = validator;
        this.planner = planner;
        this.stored = stored;
        this.optOuts = optOuts;
        this.templates = templates;
        this.pageLinks = pageLinks;
        this.clientRows = clientRows;
        this.sessionRows = sessionRows;
        this.sessionTexts = sessionTexts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.clinics = clinics;
    }

    /**
     * Posts the sessions in order, each answered as its own post would have been at that point; all that is written
     * is written together or not at all. {@code requests} holds null where an item could not be read, and
     * {@code unreadable} that item's problem.
     */
    List<ImportedSession> post(UUID clinicId, List<SessionRequest> requests, Map<Integer, Problem> unreadable) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> postOnce(clinicId, requests, unreadable));
        } catch (PersistenceException | ConcurrentChange e) {
            if (!(e instanceof ConcurrentChange) && !isUniqueViolation(e)) {
                throw e;
            }
            // Another request stored the same session or client a moment ago; seen again, it is a repeat.
            return QuarkusTransaction.requiringNew().call(() -> postOnce(clinicId, requests, unreadable));
        }
    }

    private List<ImportedSession> postOnce(
            UUID clinicId, List<SessionRequest> requests, Map<Integer, Problem> unreadable) {
        Clinic clinic = clinicFor(clinicId);
        Instant now = clock.instant();
        Map<Integer, Object> checked = new HashMap<>(unreadable);
        List<ValidSession> valid = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (checked.containsKey(i)) {
                continue;
            }
            try {
                ValidSession session = validator.validate(requests.get(i), clinic);
                checked.put(i, session);
                valid.add(session);
            } catch (ProblemException e) {
                checked.put(i, e.problem());
            }
        }
        ImportRun run = start(clinic, now, valid);
        List<ImportedSession> answers = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (checked.get(i) instanceof ValidSession session) {
                try {
                    answers.add(run.post(i, session));
                } catch (ProblemException e) {
                    answers.add(ImportedSession.refused(i, e.problem()));
                }
            } else {
                answers.add(ImportedSession.refused(i, (Problem) checked.get(i)));
            }
        }
        write(clinicId, run, now);
        return answers;
    }

    /** Reads what the run starts from: one query each, none where nothing needs it. */
    private ImportRun start(Clinic clinic, Instant now, List<ValidSession> valid) {
        Map<String, SessionRow> storedSessions = stored.byExternalIds(
                clinic.id, valid.stream().map(ValidSession::sessionId).collect(java.util.stream.Collectors.toSet()));
        List<ValidSession> toPlan = valid.stream()
                .filter(session -> !storedSessions.containsKey(session.sessionId()))
                .toList();
        Set<String> clientIds = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        toPlan.forEach(session -> {
            clientIds.add(session.clientId());
            phones.add(session.phone());
        });
        Map<String, Map<String, String>> wordings = new HashMap<>();
        return new ImportRun(
                clinic,
                now,
                planner,
                pageLinks,
                storedSessions,
                sessionTexts.forSessions(
                        storedSessions.values().stream().map(SessionRow::id).toList()),
                stored.clients(clinic.id, clientIds),
                optOuts.among(clinic.id, phones),
                language -> wordings.computeIfAbsent(language, key -> templates.overrides(clinic.id, key)));
    }

    /** Every row of the run in one round trip: clients, sessions, texts, and the texts later sessions supersede. */
    private void write(UUID clinicId, ImportRun run, Instant now) {
        RoundTrip trip = new RoundTrip();
        Map<Boolean, List<io.aftercare.client.ClientRows.ClientRow>> clients = run.clientRowsByStored();
        clientRows.write(trip, clinicId, clients.get(false), clients.get(true), now);
        sessionRows.insert(trip, clinicId, run.createdSessions());
        sessionTexts.record(trip, clinicId, run.createdTexts(), now);
        sessionTexts.supersede(trip, run.supersededStored(), now);
        jdbc.send(trip);
    }

    /** The one look-up of the clinic per post or import. */
    private Clinic clinicFor(UUID clinicId) {
        return clinics.find(clinicId);
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
