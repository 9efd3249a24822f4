package io.aftercare.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClinics;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A post finds the clinic's sessions and clients by their ids in the unique index, whatever the planner knows of the
 * clinic: one onboarded since the last ANALYZE looks empty to it, and a plan built on that reads every row the clinic
 * has for each post, exactly while a clinic moving in imports its history.
 */
@AftercareTest
class StoredSessionsPlanTest {

    private static final OffsetDateTime ENDED = OffsetDateTime.parse("2026-11-20T10:00:00-08:00");

    @Inject
    DataSource dataSource;

    @Test
    void shouldLookIdsUpInTheIndexForAClinicTheStatisticsHaveNotSeen() throws SQLException {
        importSessions(TestClinics.create(), 200);
        analyze();
        TestClinics.Clinic newcomer = TestClinics.create();
        List<Map<String, Object>> imported = importSessions(newcomer, 300);
        Map<String, Object> last = imported.get(imported.size() - 1);
        String clientId = (String) ((Map<?, ?>) last.get("client")).get("id");

        assertIdsLookedUpInTheIndex(plan(StoredSessions.SESSIONS, newcomer.id(), (String) last.get("sessionId")));
        assertIdsLookedUpInTheIndex(plan(StoredSessions.CLIENTS, newcomer.id(), clientId));
    }

    private static void assertIdsLookedUpInTheIndex(List<String> plan) {
        assertThat(plan)
                .as("plan %s", plan)
                .anyMatch(line -> line.contains("Index Cond") && line.contains("external_id"))
                .noneMatch(line -> line.contains("Filter") && line.contains("external_id"));
    }

    private static List<Map<String, Object>> importSessions(TestClinics.Clinic clinic, int count) {
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sessions.add(Sessions.post(ENDED.minusDays(i % 40)));
        }
        given().auth()
                .oauth2(clinic.key())
                .contentType(ContentType.JSON)
                .body(sessions)
                .post("/v1/sessions/batch")
                .then()
                .statusCode(200);
        return sessions;
    }

    private void analyze() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement analyze = connection.prepareStatement("ANALYZE client, treatment_session")) {
            analyze.execute();
        }
    }

    /** The plan the database makes for the statement with these values bound, as a post's first execution gets it. */
    private List<String> plan(String sql, UUID clinicId, String externalId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            explain.setObject(1, clinicId);
            explain.setArray(2, connection.createArrayOf("text", new String[] {externalId}));
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            return lines;
        }
    }
}
