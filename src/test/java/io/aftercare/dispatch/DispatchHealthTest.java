package io.aftercare.dispatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Health tells the truth about dispatch: readiness goes down while dispatch moves nothing and comes back when it
 * moves again; readiness and liveness go down for good when a thread the dispatcher needs dies (an
 * {@code OutOfMemoryError} killed the sent-recorder and Quartz's scheduler thread while {@code /q/health/ready} still
 * answered 200).
 */
@AftercareTest
@TestProfile(DispatchHealthTest.StallsInSeconds.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DispatchHealthTest {

    /** Its own profile: the last test leaves this application's dispatcher dead, so no other test may share it. */
    public static class StallsInSeconds extends FastPlanProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("aftercare.dispatch.stall-after", "2s");
            // Texts that waited past their advice are recorded EXPIRED by the release job: every second, not every
            // 15, so that a test awaiting EXPIRED waits for the expiry, not for the job.
            overrides.put("aftercare.dispatch.release-interval", "1s");
            // Texts wait while the trigger is paused only if the node that wrote them does not wake for them itself.
            overrides.put("aftercare.dispatch.wake-up", "false");
            return overrides;
        }
    }

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    DataSource dataSource;

    @Inject
    Scheduler scheduler;

    @BeforeEach
    void sendAtAnyHour() {
        Sessions.settings(null, List.of());
    }

    @Test
    @Order(1)
    void shouldBeReadyAndLiveWhileDispatchMoves() {
        String id = postSession("+16045550171", OffsetDateTime.now());

        awaitStatuses(id, "SENT", "SENT", "SENT");
        onManagement()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'dispatch-progress' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'dispatch-threads' }.status", equalTo("UP"));
        onManagement().get("/q/health/live").then().statusCode(200);
    }

    @Test
    @Order(2)
    void shouldGoUnreadyWhileARunIsWedgedWithTextsDueAndReadyOnceItMovesAgain() throws SQLException {
        // Its texts fall due 1, 3 and 5 s from now, while the dispatcher is wedged.
        String id = postSession("+16045550172", OffsetDateTime.now().plusSeconds(1));

        // A transaction holding a table the claim reads: the next run waits on its claim, as a wedged run would.
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("LOCK TABLE opt_out IN ACCESS EXCLUSIVE MODE");
            }
            try {
                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(() -> onManagement()
                                .get("/q/health/ready")
                                .then()
                                .statusCode(503)
                                .body("checks.find { it.name == 'dispatch-progress' }.status", equalTo("DOWN"))
                                .body(
                                        "checks.find { it.name == 'dispatch-progress' }.data.stalled",
                                        startsWith("a dispatch run on this node has claimed and sent nothing for")));
                // Nothing is dead: a restart would not help, so liveness stays up.
                onManagement().get("/q/health/live").then().statusCode(200);
            } finally {
                blocker.rollback();
            }
        }

        awaitStatuses(id, "SENT", "SENT", "SENT");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> onManagement().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    @Order(3)
    void shouldGoUnreadyWhileTheDispatchTriggerFiresNowhereWithTextsWaitingAndReadyOnceItFiresAgain() {
        // Paused in Quartz's tables, the trigger fires on no node of the cluster, as when the node holding it lost
        // its scheduler thread; this node's own runs look fine (there are none).
        scheduler.pause(DispatchJob.DISPATCH_TRIGGER);
        String id;
        try {
            id = postSession("+16045550173", OffsetDateTime.now());

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> onManagement()
                            .get("/q/health/ready")
                            .then()
                            .statusCode(503)
                            .body(
                                    "checks.find { it.name == 'dispatch-progress' }.data.stalled",
                                    startsWith(
                                            "texts have waited over 2 s and the dispatch trigger has fired nowhere in the"
                                                    + " cluster for")));
            onManagement().get("/q/health/live").then().statusCode(200);
        } finally {
            scheduler.resume(DispatchJob.DISPATCH_TRIGGER);
        }

        // The fast plan's texts expire as the next falls due: those that waited too long are not sent late.
        awaitStatuses(id, "EXPIRED", "EXPIRED", "SENT");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> onManagement().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    @Order(4)
    void shouldGoUnreadyAndDeadWhenTheThreadRecordingSentTextsDies() {
        Thread recorder = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("sent-recorder") && thread.isAlive())
                .findFirst()
                .orElseThrow();

        // Interrupted, its loop ends: the thread is gone as an OutOfMemoryError would leave it.
        recorder.interrupt();
        await().atMost(Duration.ofSeconds(5)).until(() -> !recorder.isAlive());

        onManagement()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body(
                        "checks.find { it.name == 'dispatch-threads' }.data.dead",
                        containsString("the sent-recorder thread is dead"));
        onManagement()
                .get("/q/health/live")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'dispatch-threads' }.status", equalTo("DOWN"));
        assertThat(recorder.isAlive()).isFalse();
    }

    private RequestSpecification onManagement() {
        return given().port(management.getPort());
    }

    private static String postSession(String phone, OffsetDateTime endedAt) {
        Map<String, Object> session = Sessions.post(endedAt);
        Sessions.client(session).put("phone", phone);
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(session)
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void awaitStatuses(String id, String... statuses) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> given().auth()
                                .oauth2(Sessions.CLINIC_KEY)
                                .get("/v1/sessions/" + id)
                                .jsonPath()
                                .getList("reminders.status"),
                        List.of(statuses)::equals);
    }
}
