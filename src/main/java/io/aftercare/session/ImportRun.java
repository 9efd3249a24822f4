package io.aftercare.session;

import io.aftercare.client.ClientRows.ClientRow;
import io.aftercare.clinic.Clinic;
import io.aftercare.db.TimeOrderedIds;
import io.aftercare.pagelink.PageLinks;
import io.aftercare.pagelink.PageLinks.IssuedLink;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.ProblemType;
import io.aftercare.reminder.ReminderDraft;
import io.aftercare.reminder.ReminderStatus;
import io.aftercare.reminder.ReminderView;
import io.aftercare.reminder.SessionTexts.NewText;
import io.aftercare.session.SessionPlanner.History;
import io.aftercare.session.SessionPlanner.SessionPlan;
import io.aftercare.session.StoredSessions.KnownClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The sessions of one post or bulk import, taken in order against what the database held before it and what the
 * items before them did: each item gets the answer it would have got posted on its own at that point, and the rows to
 * write are the ones those posts one by one would have left.
 */
// Over 150 lines: the rules between the sessions of one run (repeat, conflict, supersede, the client's latest details)
// all read and change the run's one in-memory state; split, each part would need all of it.
final class ImportRun {

    private final Clinic clinic;
    private final Instant now;
    private final SessionPlanner planner;
    private final PageLinks pageLinks;
    private final Set<String> optedOut;
    private final Function<String, Map<String, String>> ownWords;

    /** Every session in play by the clinic's id of it: stored before, or created by an earlier item. */
    private final Map<String, SessionRow> sessions;
    /** The texts of every session in play as they stand at this point of the run, by session id. */
    private final Map<UUID, List<ReminderView>> texts;

    private final Map<String, ClientState> clients = new HashMap<>();
    private final List<SessionRow> createdSessions = new ArrayList<>();
    private final Set<UUID> createdIds = new HashSet<>();
    private final List<NewText> createdTexts = new ArrayList<>();
    private final Set<UUID> supersededStored = new LinkedHashSet<>();

    /** A client as the run goes: their id, whether stored before, their sessions, and what the last post said of them. */
    private static final class ClientState {
        final UUID id;
        final boolean stored;
        final List<PastSession> sessions;
        ClientRow latest;

        ClientState(UUID id, boolean stored, List<PastSession> sessions) {
            this.id = id;
            this.stored = stored;
            this.sessions = sessions;
        }
    }

    ImportRun(
            Clinic clinic,
            Instant now,
            SessionPlanner planner,
            PageLinks pageLinks,
            Map<String, SessionRow> stored,
            Map<UUID, List<ReminderView>> storedTexts,
            Map<String, KnownClient> knownClients,
            Set<String> optedOut,
            Function<String, Map<String, String>> ownWords) {
        this.clinic = clinic;
        this.now = now;
        this.planner = planner;
        this.pageLinks = pageLinks;
        this.sessions = new HashMap<>(stored);
        this.texts = new HashMap<>(storedTexts);
        this.optedOut = optedOut;
        this.ownWords = ownWords;
        knownClients.forEach((externalId, known) ->
                clients.put(externalId, new ClientState(known.id(), true, new ArrayList<>(known.sessions()))));
    }

    /**
     * Posts one valid session at this point of the run.
     *
     * @throws ProblemException 409 when its id was posted before with different details
     */
    ImportedSession post(int index, ValidSession valid) {
        SessionRow known = sessions.get(valid.sessionId());
        if (known != null) {
            if (!known.fingerprint().equals(valid.fingerprint())) {
                throw new ProblemException(
                        ProblemType.CONFLICT,
                        "Session " + known.externalId()
                                + " was already posted with different details; post a correction under a new"
                                + " sessionId after cancelling this one");
            }
            return ImportedSession.repeated(
                    index, known.view(valid.clientId(), texts.getOrDefault(known.id(), List.of())));
        }
        ClientState client = clients.computeIfAbsent(
                valid.clientId(), id -> new ClientState(TimeOrderedIds.next(), false, new ArrayList<>()));
        List<PastSession> standing = client.sessions.stream()
                .filter(other -> other.status() == SessionStatus.ACTIVE)
                .sorted(PastSession.ENDED_ORDER)
                .toList();
        Optional<IssuedLink> link = pageLinks.issue();
        SessionPlan plan = planner.plan(
                clinic,
                valid,
                new History(
                        standing,
                        optedOut.contains(valid.phone()),
                        ownWords.apply(valid.locale().getLanguage())),
                link.map(IssuedLink::url),
                now);
        SessionRow row = new SessionRow(
                TimeOrderedIds.next(),
                client.id,
                valid.sessionId(),
                valid.kind(),
                valid.sessionNumber(),
                valid.finalSession(),
                valid.endedAt(),
                plan.planVersion(),
                valid.fingerprint(),
                List.copyOf(plan.warnings()),
                SessionStatus.ACTIVE,
                now,
                valid.nextSessionAt(),
                link.map(IssuedLink::tokenHash).orElse(null));
        supersedeEarlier(client, valid.endedAt());
        List<NewText> newTexts = plan.texts().stream()
                .map(text -> new NewText(
                        TimeOrderedIds.next(),
                        row.id(),
                        client.id,
                        plan.planVersion(),
                        new ReminderDraft(
                                text.step().step().key(),
                                text.step().dueAt(),
                                text.step().expiresAt(),
                                text.body(),
                                text.status())))
                .toList();
        List<ReminderView> recorded = newTexts.stream().map(NewText::view).toList();
        client.sessions.add(row.past());
        client.latest = new ClientRow(
                client.id,
                valid.clientId(),
                valid.firstName(),
                valid.lastName(),
                valid.phone(),
                valid.zone().getId(),
                valid.locale().toLanguageTag());
        sessions.put(row.externalId(), row);
        texts.put(row.id(), recorded);
        createdSessions.add(row);
        createdIds.add(row.id());
        createdTexts.addAll(newTexts);
        return ImportedSession.created(index, row.view(valid.clientId(), recorded));
    }

    /** A new session restarts the client's aftercare: what is pending of their sessions that ended by then is superseded. */
    private void supersedeEarlier(ClientState client, Instant ended) {
        for (PastSession earlier : client.sessions) {
            if (earlier.endedAt().isAfter(ended)) {
                continue;
            }
            texts.computeIfPresent(
                    earlier.id(),
                    (id, views) -> views.stream().map(ImportRun::superseded).toList());
            if (!createdIds.contains(earlier.id())) {
                supersededStored.add(earlier.id());
            }
        }
    }

    private static ReminderView superseded(ReminderView text) {
        if (!ReminderStatus.PENDING.contains(text.status())) {
            return text;
        }
        return new ReminderView(
                text.id(),
                text.sessionId(),
                text.step(),
                text.kind(),
                text.dueAt(),
                ReminderStatus.SUPERSEDED,
                text.body(),
                text.sentAt(),
                text.providerId(),
                text.providerStatus(),
                text.error(),
                text.inReplyTo());
    }

    List<SessionRow> createdSessions() {
        return createdSessions;
    }

    /** The stored sessions whose pending texts a session of the run superseded. */
    List<UUID> supersededStored() {
        return List.copyOf(supersededStored);
    }

    /** The created sessions' texts, each with the status it ends the run with. */
    List<NewText> createdTexts() {
        Map<UUID, ReminderStatus> finalStatus = new HashMap<>();
        createdIds.forEach(id -> texts.get(id).forEach(text -> finalStatus.put(text.id(), text.status())));
        return createdTexts.stream()
                .map(text -> new NewText(
                        text.id(),
                        text.sessionId(),
                        text.clientId(),
                        text.planVersion(),
                        new ReminderDraft(
                                text.draft().step(),
                                text.draft().dueAt(),
                                text.draft().expiresAt(),
                                text.draft().body(),
                                finalStatus.get(text.id()))))
                .toList();
    }

    /** Clients first seen in this run, and stored clients a session of the run described anew. */
    Map<Boolean, List<ClientRow>> clientRowsByStored() {
        Map<Boolean, List<ClientRow>> rows = new LinkedHashMap<>();
        rows.put(false, new ArrayList<>());
        rows.put(true, new ArrayList<>());
        clients.values().stream()
                .filter(client -> client.latest != null)
                .forEach(client -> rows.get(client.stored).add(client.latest));
        return rows;
    }
}
