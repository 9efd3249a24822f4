package io.aftercare.client;

import io.aftercare.db.ConcurrentChange;
import io.aftercare.db.RoundTrip;
import io.aftercare.db.RoundTrip.SqlArray;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Writes clients set-wise, as sessions are posted: new clients inserted, known ones updated, each in one statement. */
@ApplicationScoped
public class ClientRows {

    private static final String INSERT = """
            INSERT INTO client (id, clinic_id, external_id, first_name, last_name, phone, time_zone, locale,
                                created_at, updated_at)
            SELECT t.id, ?, t.external_id, t.first_name, t.last_name, t.phone, t.time_zone, t.locale, ?, ?
              FROM unnest(?, ?, ?, ?, ?, ?, ?) AS t(id, external_id, first_name, last_name, phone, time_zone, locale)""";

    // An erased client is left alone: its erasure committed after the post read it, and the post starts over.
    private static final String UPDATE = """
            UPDATE client c
               SET first_name = t.first_name, last_name = t.last_name, phone = t.phone, time_zone = t.time_zone,
                   locale = t.locale, updated_at = ?
              FROM unnest(?, ?, ?, ?, ?, ?, ?) AS t(id, external_id, first_name, last_name, phone, time_zone, locale)
             WHERE c.id = t.id AND c.clinic_id = ? AND c.erased_at IS NULL""";

    /** A client as the clinic's latest post describes it. */
    public record ClientRow(
            UUID id,
            String externalId,
            String firstName,
            String lastName,
            String phone,
            String timeZone,
            String locale) {}

    /**
     * Adds the statements that insert the new clients and update the known ones of one clinic.
     *
     * @throws ConcurrentChange when the round trip runs, if a known client was erased meanwhile
     */
    public void write(RoundTrip trip, UUID clinicId, List<ClientRow> created, List<ClientRow> updated, Instant now) {
        if (!created.isEmpty()) {
            List<Object> parameters = new ArrayList<>(List.of(clinicId, now, now));
            parameters.addAll(columns(created));
            trip.add(INSERT, parameters, count -> {});
        }
        if (!updated.isEmpty()) {
            List<Object> parameters = new ArrayList<>(List.of(now));
            parameters.addAll(columns(updated));
            parameters.add(clinicId);
            trip.add(UPDATE, parameters, count -> {
                if (count != updated.size()) {
                    throw new ConcurrentChange("A client was erased while a session of theirs was being posted");
                }
            });
        }
    }

    private static List<SqlArray> columns(List<ClientRow> rows) {
        return List.of(
                column(rows, "uuid", ClientRow::id),
                column(rows, "text", ClientRow::externalId),
                column(rows, "text", ClientRow::firstName),
                column(rows, "text", ClientRow::lastName),
                column(rows, "text", ClientRow::phone),
                column(rows, "text", ClientRow::timeZone),
                column(rows, "text", ClientRow::locale));
    }

    private static SqlArray column(List<ClientRow> rows, String type, Function<ClientRow, Object> value) {
        return new SqlArray(type, rows.stream().map(value).toArray());
    }
}
