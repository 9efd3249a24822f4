package io.aftercare.reminder;

import io.aftercare.db.RoundTrip;
import io.aftercare.db.RoundTrip.SqlArray;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The texts of posted sessions, written set-wise: every text of a post (or of a bulk import) in one statement, and the
 * texts that later sessions supersede in another, each added to the post's one round trip ({@link RoundTrip}).
 */
@ApplicationScoped
public class SessionTexts {

    private static final String RECORD = """
            INSERT INTO reminder (id, clinic_id, session_id, client_id, step, plan_version, body, due_at, expires_at,
                                  status, created_at, updated_at)
            SELECT t.id, ?, t.session_id, t.client_id, t.step, t.plan_version, t.body, t.due_at, t.expires_at, t.status, ?, ?
              FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?)
                   AS t(id, session_id, client_id, step, plan_version, body, due_at, expires_at, status)""";

    private static final String SUPERSEDE = """
            UPDATE reminder SET status = 'SUPERSEDED', updated_at = ?
             WHERE session_id = ANY(?) AND status IN ('SCHEDULED', 'HELD')""";

    /** A session's text to record, with the id it is recorded under. */
    public record NewText(UUID id, UUID sessionId, UUID clientId, String planVersion, ReminderDraft draft) {

        /** The text as the post's answer shows it. */
        public ReminderView view() {
            return new ReminderView(
                    id,
                    null,
                    draft.step(),
                    TextKind.PLAN,
                    draft.dueAt(),
                    draft.status(),
                    draft.body(),
                    null,
                    null,
                    null,
                    null,
                    null);
        }
    }

    private final Event<TextsScheduled> scheduled;

    SessionTexts(Event<TextsScheduled> scheduled) {
        this.scheduled = scheduled;
    }

    /**
     * Adds the statement recording these texts, all of one clinic. Once it has run, a dispatcher on
     * this node hears of the earliest text to go out ({@link TextsScheduled}), in the same transaction.
     */
    public void record(RoundTrip trip, UUID clinicId, List<NewText> texts, Instant now) {
        if (texts.isEmpty()) {
            return;
        }
        List<Object> parameters = new ArrayList<>(List.of(clinicId, now, now));
        parameters.add(column(texts, "uuid", NewText::id));
        parameters.add(column(texts, "uuid", NewText::sessionId));
        parameters.add(column(texts, "uuid", NewText::clientId));
        parameters.add(column(texts, "text", text -> text.draft().step()));
        parameters.add(column(texts, "text", NewText::planVersion));
        parameters.add(column(texts, "text", text -> text.draft().body()));
        parameters.add(column(texts, "timestamptz", text -> text.draft().dueAt()));
        parameters.add(
                column(texts, "timestamptz", text -> text.draft().expiresAt().orElse(null)));
        parameters.add(column(texts, "text", text -> text.draft().status().name()));
        trip.add(
                RECORD,
                parameters,
                count -> texts.stream()
                        .filter(text -> text.draft().status() == ReminderStatus.SCHEDULED)
                        .map(text -> text.draft().dueAt())
                        .min(Instant::compareTo)
                        .ifPresent(earliest -> scheduled.fire(new TextsScheduled(earliest))));
    }

    /**
     * Adds the statement superseding the texts of these sessions that have not gone out: a later session of each
     * client governs its aftercare now (the session package knows which sessions ended before which).
     */
    public void supersede(RoundTrip trip, Collection<UUID> sessionIds, Instant now) {
        if (!sessionIds.isEmpty()) {
            trip.add(SUPERSEDE, List.of(now, new SqlArray("uuid", sessionIds.toArray())), count -> {});
        }
    }

    /** The texts of these sessions, each session's in the order they fall due. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, List<ReminderView>> forSessions(Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        return Reminder.<Reminder>list("sessionId in ?1 order by dueAt, step", sessionIds).stream()
                .collect(Collectors.groupingBy(
                        reminder -> reminder.sessionId,
                        Collectors.mapping(reminder -> ReminderView.of(reminder, null), Collectors.toList())));
    }

    private static SqlArray column(List<NewText> texts, String type, Function<NewText, Object> value) {
        return new SqlArray(type, texts.stream().map(value).toArray());
    }
}
