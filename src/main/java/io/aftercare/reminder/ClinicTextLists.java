package io.aftercare.reminder;

import io.aftercare.db.SqlValues;
import io.aftercare.problem.ProblemException;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The dashboard's clinic-wide lists of texts, read a page at a time from a cursor: the statements, the cursor and the
 * rows read back. {@link Reminders} runs them in its transactions.
 */
final class ClinicTextLists {

    /** The statuses of texts that did not or will not go out and that someone at the clinic may act on. */
    static final List<String> NEEDING_ATTENTION =
            List.of(ReminderStatus.FAILED.name(), ReminderStatus.EXPIRED.name(), ReminderStatus.HELD.name());

    // Both lists read reminder_clinic_due (clinic_id, due_at, id) from the cursor on; the row comparison is what lets
    // the index start there. The body is never read, only whether erasure emptied it.
    private static final String CLINIC_TEXTS = """
            SELECT id, client_id, session_id, kind, step, due_at, status, sent_at, provider_status, error, body = ''
              FROM reminder
             WHERE clinic_id = :clinic AND %s
             ORDER BY due_at %2$s, id %2$s
             LIMIT :limit""";

    private ClinicTextLists() {}

    /** As {@link Reminders#dueBetween}. */
    static ClinicTextPage dueBetween(UUID clinicId, Instant from, Instant to, String cursor, int limit) {
        String where = "due_at >= :from AND due_at < :to" + (cursor == null ? "" : " AND (due_at, id) > (:at, :id)");
        Query query = clinicTexts(clinicId, where, "ASC", cursor, limit)
                .setParameter("from", from)
                .setParameter("to", to);
        return page(query, limit);
    }

    /** As {@link Reminders#needingAttention}, with {@code now} the latest due time the list holds. */
    static ClinicTextPage needingAttention(UUID clinicId, Instant since, Instant now, String cursor, int limit) {
        String where = "status IN (:statuses) AND due_at >= :since AND due_at <= :now"
                + (cursor == null ? "" : " AND (due_at, id) < (:at, :id)");
        Query query = clinicTexts(clinicId, where, "DESC", cursor, limit)
                .setParameter("statuses", NEEDING_ATTENTION)
                .setParameter("since", since)
                .setParameter("now", now);
        return page(query, limit);
    }

    private static Query clinicTexts(UUID clinicId, String where, String order, String cursor, int limit) {
        if (limit < 1 || limit > Reminders.MAX_PAGE) {
            throw ProblemException.invalid("limit", "must be between 1 and " + Reminders.MAX_PAGE);
        }
        Query query = Reminder.getEntityManager()
                .createNativeQuery(CLINIC_TEXTS.formatted(where, order))
                .setParameter("clinic", clinicId)
                // One more than the page: whether there is a next page is known without counting.
                .setParameter("limit", limit + 1);
        if (cursor != null) {
            ClinicTextCursor after = ClinicTextCursor.decode(cursor)
                    .orElseThrow(() -> ProblemException.invalid("cursor", "is not a cursor this list gave"));
            query.setParameter("at", after.dueAt()).setParameter("id", after.id());
        }
        return query;
    }

    private static ClinicTextPage page(Query query, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<ClinicText> texts = rows.stream()
                .limit(limit)
                .map(row -> new ClinicText(
                        (UUID) row[0],
                        (UUID) row[1],
                        (UUID) row[2],
                        TextKind.valueOf((String) row[3]),
                        (String) row[4],
                        SqlValues.instant(row[5]),
                        ReminderStatus.valueOf((String) row[6]),
                        SqlValues.instant(row[7]),
                        (String) row[8],
                        (String) row[9],
                        (Boolean) row[10]))
                .toList();
        Optional<String> next = rows.size() > limit
                ? Optional.of(ClinicTextCursor.after(texts.get(limit - 1)).encode())
                : Optional.empty();
        return new ClinicTextPage(texts, next);
    }
}
