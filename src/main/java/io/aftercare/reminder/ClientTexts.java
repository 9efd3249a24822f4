package io.aftercare.reminder;

import io.aftercare.db.PageCursor;
import io.aftercare.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One client's texts, across all their sessions, a page at a time (the unpaged list is {@link Reminders#forClient}). */
@ApplicationScoped
public class ClientTexts {

    private final SessionExternalIds sessionExternalIds;

    ClientTexts(SessionExternalIds sessionExternalIds) {
        this.sessionExternalIds = sessionExternalIds;
    }

    /**
     * The client's texts, oldest due first (then by step and id, so that the order is total and no text falls between
     * two pages).
     *
     * @param cursor the {@code nextCursor} of the page before, or null for the first
     * @throws ProblemException 400 naming {@code cursor} or {@code limit}
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page page(UUID clientId, String cursor, int limit) {
        if (limit < 1 || limit > Reminders.MAX_PAGE) {
            throw ProblemException.invalid("limit", "must be between 1 and " + Reminders.MAX_PAGE);
        }
        PanacheQuery<Reminder> query;
        if (cursor == null) {
            query = Reminder.find("clientId = ?1 order by dueAt, step, id", clientId);
        } else {
            After after = After.decode(cursor)
                    .orElseThrow(() -> ProblemException.invalid("cursor", "is not a cursor this list gave"));
            query = Reminder.find(
                    "clientId = ?1 and (dueAt > ?2 or (dueAt = ?2 and (step > ?3 or (step = ?3 and id > ?4))))"
                            + " order by dueAt, step, id",
                    clientId,
                    after.dueAt(),
                    after.step(),
                    after.id());
        }
        // Inclusive range: one more than the page, so whether a next page exists is known without counting.
        List<Reminder> rows = query.range(0, limit).list();
        boolean more = rows.size() > limit;
        List<Reminder> shown = more ? rows.subList(0, limit) : rows;
        List<UUID> sessionIds = shown.stream()
                .map(text -> text.sessionId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<UUID, String> sessions = sessionIds.isEmpty() ? Map.of() : sessionExternalIds.of(sessionIds);
        List<ReminderView> texts = shown.stream()
                .map(text -> ReminderView.of(text, text.sessionId == null ? null : sessions.get(text.sessionId)))
                .toList();
        Reminder last = more ? shown.get(limit - 1) : null;
        return new Page(texts, last == null ? null : PageCursor.encode(last.dueAt, last.step, last.id));
    }

    public record Page(List<ReminderView> texts, String nextCursor) {}

    /** Where a page ended: the last text's due time, step and id. */
    private record After(Instant dueAt, String step, UUID id) {

        static Optional<After> decode(String cursor) {
            return PageCursor.decode(cursor, 3).flatMap(values -> {
                try {
                    UUID id = UUID.fromString(values.get(2));
                    return PageCursor.instant(values.get(0)).map(at -> new After(at, values.get(1), id));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            });
        }
    }
}
