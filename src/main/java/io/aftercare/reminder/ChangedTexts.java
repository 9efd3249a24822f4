package io.aftercare.reminder;

import io.aftercare.db.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tells observers of texts that reached a status they hear of ({@link TextsChanged}), in the caller's transaction. The
 * statement that moves them returns what a change needs in the same round trip, with no query per text: its UPDATE of
 * {@code reminder r} returns {@link #RETURNING} in a CTE {@code changed}, and {@link #select} names each text's client
 * and session as the clinic knows them.
 */
@ApplicationScoped
class ChangedTexts {

    static final String RETURNING =
            "r.id, r.clinic_id, r.client_id, r.session_id, r.step, r.status, r.updated_at, r.error";

    /** How many leading columns of {@link #select} a change is read from. */
    static final int COLUMNS = 9;

    private final Event<TextsChanged> event;

    ChangedTexts(Event<TextsChanged> event) {
        this.event = event;
    }

    /**
     * The SELECT over {@code changed}: the {@link #COLUMNS} a change is read from, then {@code more}. LEFT JOIN: a
     * clinic's one-off text has no session.
     */
    static String select(String more) {
        return """
                SELECT ch.id, ch.clinic_id, ch.client_id, c.external_id, s.external_id, ch.step, ch.status,
                       ch.updated_at, ch.error%s
                  FROM changed ch JOIN client c ON c.id = ch.client_id
                  LEFT JOIN treatment_session s ON s.id = ch.session_id
                """.formatted(more);
    }

    /** {@code UPDATE reminder r ...} (without RETURNING) as a statement that answers the texts it changed. */
    static String of(String update) {
        return "WITH changed AS (" + update + " RETURNING " + RETURNING + ") " + select("");
    }

    /** One row of {@link #select}, with the status, time and error the text now has. */
    static TextsChanged.Change change(Object[] row) {
        return new TextsChanged.Change(
                (UUID) row[0],
                (UUID) row[1],
                (UUID) row[2],
                (String) row[3],
                Optional.ofNullable((String) row[4]),
                (String) row[5],
                ReminderStatus.valueOf((String) row[6]),
                SqlValues.instant(row[7]),
                Optional.ofNullable((String) row[8]));
    }

    /** Fires one event for these changes, none when there are none; an observer that throws rolls them back. */
    void announce(List<TextsChanged.Change> changes) {
        if (!changes.isEmpty()) {
            event.fire(new TextsChanged(changes));
        }
    }

    /** {@link #announce}s the rows of {@link #of}. */
    int announceRows(List<Object[]> rows) {
        announce(rows.stream().map(ChangedTexts::change).toList());
        return rows.size();
    }
}
