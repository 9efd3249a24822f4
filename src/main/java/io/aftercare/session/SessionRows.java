package io.aftercare.session;

import io.aftercare.db.RoundTrip;
import io.aftercare.db.RoundTrip.SqlArray;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Inserts posted sessions set-wise: every session of a post or a bulk import in one statement. */
@ApplicationScoped
class SessionRows {

    private static final String INSERT = """
            INSERT INTO treatment_session (id, clinic_id, client_id, external_id, kind, session_number, final_session,
                                           ended_at, plan_version, fingerprint, warnings, status, created_at,
                                           next_session_at, page_token_hash)
            SELECT t.id, ?, t.client_id, t.external_id, t.kind, t.session_number, t.final_session, t.ended_at,
                   t.plan_version, t.fingerprint, t.warnings, t.status, t.created_at, t.next_session_at,
                   t.page_token_hash
              FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   AS t(id, client_id, external_id, kind, session_number, final_session, ended_at, plan_version,
                        fingerprint, warnings, status, created_at, next_session_at, page_token_hash)""";

    /** Adds the statement inserting these sessions of one clinic; a session id stored meanwhile fails it (23505). */
    void insert(RoundTrip trip, UUID clinicId, List<SessionRow> sessions) {
        if (sessions.isEmpty()) {
            return;
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(clinicId);
        parameters.add(column(sessions, "uuid", SessionRow::id));
        parameters.add(column(sessions, "uuid", SessionRow::clientId));
        parameters.add(column(sessions, "text", SessionRow::externalId));
        parameters.add(column(sessions, "text", session -> session.kind().name()));
        parameters.add(column(sessions, "int4", SessionRow::sessionNumber));
        parameters.add(column(sessions, "bool", SessionRow::finalSession));
        parameters.add(column(sessions, "timestamptz", SessionRow::endedAt));
        parameters.add(column(sessions, "text", SessionRow::planVersion));
        parameters.add(column(sessions, "text", SessionRow::fingerprint));
        parameters.add(column(sessions, "text", session -> String.join("\n", session.warnings())));
        parameters.add(column(sessions, "text", session -> session.status().name()));
        parameters.add(column(sessions, "timestamptz", SessionRow::createdAt));
        parameters.add(column(sessions, "timestamptz", SessionRow::nextSessionAt));
        parameters.add(column(sessions, "bytea", SessionRow::pageTokenHash));
        trip.add(INSERT, parameters, count -> {});
    }

    private static SqlArray column(List<SessionRow> sessions, String type, Function<SessionRow, Object> value) {
        return new SqlArray(type, sessions.stream().map(value).toArray());
    }
}
