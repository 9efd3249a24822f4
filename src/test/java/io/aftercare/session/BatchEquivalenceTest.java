package io.aftercare.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.optout.OptOuts;
import io.aftercare.pause.SendingPauses;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same random sessions posted one by one to one clinic and as one bulk import to another end with the same rows:
 * clients, sessions and texts alike (ids, clinics and timestamps aside), and each session gets the same answer. The
 * sessions repeat clients (whose details change), repeat session ids with the same or other details, include invalid
 * ones, opted-out numbers and sessions posted late enough for steps to be skipped.
 */
@AftercareTest
class BatchEquivalenceTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T12:00:00-08:00");

    @Inject
    TestClock clock;

    @Inject
    OptOuts optOuts;

    @Inject
    SendingPauses pauses;

    @Inject
    EntityManager entityManager;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {2026L, 90210L})
    void shouldEndWithTheSameRowsOneByOneAndAsABatch(long seed) {
        Random random = new Random(seed);
        List<String> phones = List.of("+16045550101", "+16045550102", "+16045550103", "+16045550104");
        TestClinics.Clinic oneByOne = TestClinics.create();
        TestClinics.Clinic batch = TestClinics.create();
        for (TestClinics.Clinic clinic : List.of(oneByOne, batch)) {
            // Nothing goes out while the rows are compared.
            QuarkusTransaction.requiringNew().run(() -> pauses.pause(clinic.id(), "comparing rows"));
            QuarkusTransaction.requiringNew()
                    .run(() -> optOuts.optOut(phones.get(0), Optional.of(clinic.id()), "reply STOP"));
        }
        List<Map<String, Object>> sessions = randomSessions(random, phones, 30);

        clock.setNow(NOW.toInstant());
        List<Integer> singleStatuses = new ArrayList<>();
        for (Map<String, Object> session : sessions) {
            singleStatuses.add(given().auth()
                    .oauth2(oneByOne.key())
                    .contentType(ContentType.JSON)
                    .body(session)
                    .post("/v1/sessions")
                    .statusCode());
        }
        clock.setNow(NOW.toInstant());
        List<Integer> batchStatuses = given().auth()
                .oauth2(batch.key())
                .contentType(ContentType.JSON)
                .body(sessions)
                .post("/v1/sessions/batch")
                .then()
                .statusCode(200)
                .extract()
                .path("results.status");

        assertThat(batchStatuses).isEqualTo(singleStatuses);
        assertThat(singleStatuses).contains(201, 200, 409, 400);
        for (String table : List.of(CLIENTS, SESSIONS, TEXTS)) {
            assertThat(rows(table, batch)).as(table).isEqualTo(rows(table, oneByOne));
        }
    }

    private static final String CLIENTS = """
            SELECT external_id, first_name, last_name, phone, time_zone, locale, erased_at IS NULL
              FROM client WHERE clinic_id = :clinic ORDER BY external_id""";

    private static final String SESSIONS = """
            SELECT s.external_id, c.external_id, s.kind, s.session_number, s.final_session, s.ended_at,
                   s.plan_version, s.fingerprint, replace(s.warnings, :name, 'CLINIC'), s.status, s.next_session_at,
                   s.page_token_hash IS NULL, s.cancelled_at IS NULL
              FROM treatment_session s JOIN client c ON c.id = s.client_id
             WHERE s.clinic_id = :clinic ORDER BY s.external_id""";

    private static final String TEXTS = """
            SELECT s.external_id, c.external_id, r.step, r.kind, r.plan_version, replace(r.body, :name, 'CLINIC'),
                   r.due_at, r.expires_at, r.status, r.attempts, r.quiet_hours_apply
              FROM reminder r JOIN treatment_session s ON s.id = r.session_id JOIN client c ON c.id = r.client_id
             WHERE r.clinic_id = :clinic ORDER BY s.external_id, r.step""";

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql, TestClinics.Clinic clinic) {
        return QuarkusTransaction.requiringNew().call(() -> {
            jakarta.persistence.Query query =
                    entityManager.createNativeQuery(sql).setParameter("clinic", clinic.id());
            if (sql.contains(":name")) {
                query.setParameter("name", clinic.name());
            }
            return ((List<Object>) query.getResultList())
                    .stream()
                            .map(row ->
                                    row instanceof Object[] columns ? Arrays.toString(columns) : String.valueOf(row))
                            .toList();
        });
    }

    /** Sessions of a few clients, some posted again as they were or changed, some invalid. */
    private static List<Map<String, Object>> randomSessions(Random random, List<String> phones, int count) {
        List<Map<String, Object>> sessions = new ArrayList<>();
        Map<String, Map<String, Object>> clients = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(20);
            if (kind < 3 && !sessions.isEmpty()) {
                sessions.add(copy(sessions.get(random.nextInt(sessions.size()))));
                continue;
            }
            if (kind < 5 && !sessions.isEmpty()) {
                Map<String, Object> changed = copy(sessions.get(random.nextInt(sessions.size())));
                changed.put("sessionNumber", 1 + random.nextInt(3));
                Sessions.client(changed).put("firstName", random.nextBoolean() ? "Sam" : "Alex");
                sessions.add(changed);
                continue;
            }
            OffsetDateTime ended = NOW.minusDays(random.nextInt(21)).minusHours(random.nextInt(12));
            Map<String, Object> session = Sessions.post(ended);
            session.put("sessionId", "s-" + UUID.randomUUID());
            session.put("sessionNumber", 1 + random.nextInt(3));
            session.put("finalSession", random.nextInt(4) == 0);
            String clientId = "c-" + random.nextInt(6);
            Map<String, Object> client =
                    clients.computeIfAbsent(clientId, id -> new HashMap<>(Sessions.client(session)));
            client.put("id", clientId);
            client.put("phone", phones.get(random.nextInt(phones.size())));
            client.put("firstName", random.nextInt(3) == 0 ? "Jo" : "Sam");
            session.put("client", new HashMap<>(client));
            if (kind == 19) {
                session.put("sessionNumber", 0);
            }
            sessions.add(session);
        }
        return sessions;
    }

    private static Map<String, Object> copy(Map<String, Object> session) {
        Map<String, Object> copy = new HashMap<>(session);
        copy.put("client", new HashMap<>(Sessions.client(session)));
        return copy;
    }
}
