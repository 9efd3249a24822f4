package io.aftercare.session;

import io.aftercare.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a post reads before it writes, one query each for any number of sessions: its sessions and its clients. */
@ApplicationScoped
class StoredSessions {

    // The clinic goes in as a sub-select, so that no plan depends on which clinic it is. A clinic onboarded since the
    // last ANALYZE looks empty to the planner, which then finds the ids by reading every row the clinic has (1.1 ms a
    // post once it has 1,700 sessions, against 0.06 ms looking the ids up in the unique index), until the next ANALYZE:
    // exactly while a clinic moving in imports its history.
    static final String SESSIONS = """
            SELECT id, client_id, external_id, kind, session_number, final_session, ended_at, plan_version, fingerprint,
                   warnings, status, created_at, next_session_at
              FROM treatment_session WHERE clinic_id = (SELECT CAST(? AS uuid)) AND external_id = ANY(?)""";

    // Every session of the client, cancelled ones too: a later session supersedes whatever of theirs is still pending.
    static final String CLIENTS = """
            SELECT c.external_id, c.id, s.id, s.external_id, s.ended_at, s.status
              FROM client c LEFT JOIN treatment_session s ON s.client_id = c.id
             WHERE c.clinic_id = (SELECT CAST(? AS uuid)) AND c.external_id = ANY(?) AND c.erased_at IS NULL
             ORDER BY c.external_id, s.ended_at, s.id""";

    /** A client the clinic posted before, with all their sessions in the order they ended. */
    record KnownClient(UUID id, List<PastSession> sessions) {}

    private final Jdbc jdbc;

    StoredSessions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The clinic's sessions with these ids of its own, by that id. */
    Map<String, SessionRow> byExternalIds(UUID clinicId, Collection<String> externalIds) {
        Map<String, SessionRow> sessions = new HashMap<>();
        if (externalIds.isEmpty()) {
            return sessions;
        }
        return jdbc.inTransaction(connection -> {
            try (ResultSet rows = query(connection, SESSIONS, clinicId, externalIds)) {
                while (rows.next()) {
                    SessionRow row = new SessionRow(
                            rows.getObject(1, UUID.class),
                            rows.getObject(2, UUID.class),
                            rows.getString(3),
                            SessionKind.valueOf(rows.getString(4)),
                            rows.getInt(5),
                            rows.getBoolean(6),
                            instant(rows, 7),
                            rows.getString(8),
                            rows.getString(9),
                            warnings(rows.getString(10)),
                            SessionStatus.valueOf(rows.getString(11)),
                            instant(rows, 12),
                            instant(rows, 13),
                            null);
                    sessions.put(row.externalId(), row);
                }
            }
            return sessions;
        });
    }

    /** The clinic's clients (not erased) with these ids of its own, by that id. */
    Map<String, KnownClient> clients(UUID clinicId, Collection<String> externalIds) {
        Map<String, KnownClient> clients = new HashMap<>();
        if (externalIds.isEmpty()) {
            return clients;
        }
        return jdbc.inTransaction(connection -> {
            try (ResultSet rows = query(connection, CLIENTS, clinicId, externalIds)) {
                while (rows.next()) {
                    UUID clientId = rows.getObject(2, UUID.class);
                    KnownClient client = clients.computeIfAbsent(
                            rows.getString(1), id -> new KnownClient(clientId, new ArrayList<>()));
                    UUID sessionId = rows.getObject(3, UUID.class);
                    if (sessionId != null) {
                        client.sessions()
                                .add(new PastSession(
                                        sessionId,
                                        rows.getString(4),
                                        instant(rows, 5),
                                        SessionStatus.valueOf(rows.getString(6))));
                    }
                }
            }
            return clients;
        });
    }

    private static ResultSet query(Connection connection, String sql, UUID clinicId, Collection<String> externalIds)
            throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        // Closed with its result set.
        query.closeOnCompletion();
        query.setObject(1, clinicId);
        query.setArray(2, connection.createArrayOf("text", externalIds.toArray(String[]::new)));
        return query.executeQuery();
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<String> warnings(String warnings) {
        return warnings == null || warnings.isEmpty() ? List.of() : Arrays.asList(warnings.split("\n"));
    }
}
