package io.aftercare.erasure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.aftercare.erasure.ClientErasureTest.Person;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TextColumnScan;
import io.aftercare.support.TwilioInbound;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Clients past their clinic's retention are erased by the clustered purge, as a DELETE would erase them. */
@AftercareTest
class RetentionPurgeTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");
    /** Numbers no clinic has as a client's, nor texted. */
    private static final AtomicInteger STRANGERS = new AtomicInteger(9100);

    @Inject
    RetentionJob job;

    @Inject
    RetentionPurge purge;

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    @Test
    void shouldEraseClientsWhoseLastSessionEndedLongerAgoThanTheClinicsRetention() {
        NewClinic clinic = newClinicWithRetention("Short Memory Clinic", 30);
        String clinicId = clinic.id();
        String clinicKey = clinic.key();

        // Posted 20 days after the sessions ended: every step of a treatment session is past; a final session's
        // touch-up (day 57) is still to go out.
        clock.setNow(NOON.plusDays(20).toInstant());
        Person done = Person.next();
        String doneSession = ClientErasureTest.post(clinicKey, done.session(NOON))
                .body("reminders.status", everyItem(equalTo("SKIPPED")))
                .extract()
                .path("id");
        Person touchUpDue = Person.next();
        Map<String, Object> finalSession = touchUpDue.session(NOON);
        finalSession.put("finalSession", true);
        ClientErasureTest.post(clinicKey, finalSession).body("reminders.status", hasItem("SCHEDULED"));
        Person defaultRetention = Person.next();
        ClientErasureTest.post(Sessions.CLINIC_KEY, defaultRetention.session(NOON));

        job.purgeAll();
        history(clinicKey, done).statusCode(200);

        clock.setNow(NOON.plusDays(31).toInstant());
        job.purgeAll();

        history(clinicKey, done).statusCode(404);
        given().auth()
                .oauth2(clinicKey)
                .get("/v1/sessions/" + doneSession)
                .then()
                .statusCode(200)
                .body("reminders.status", everyItem(equalTo("SKIPPED")))
                .body("reminders.body", everyItem(equalTo("")));
        assertThat(TextColumnScan.find(dataSource, done.needles())).isEmpty();
        history(clinicKey, touchUpDue).statusCode(200).body("reminders.status", hasItem("SCHEDULED"));
        history(Sessions.CLINIC_KEY, defaultRetention).statusCode(200);

        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .queryParam("clinicId", clinicId)
                .queryParam("action", "retention.purged")
                .get("/admin/v1/audit")
                .then()
                .statusCode(200)
                .body("events", hasSize(1))
                .body("events[0].actor", equalTo("system"))
                .body("events[0].details.clients", equalTo(1));
    }

    @Test
    void shouldKeepOnlyAMarkerOfAStopRecordedWhileItsClientWasBeingErased() throws SQLException {
        // Nothing of a session ending in the late evening is due before the morning: no text is being sent.
        OffsetDateTime lateEvening = NOON.withHour(22);
        clock.setNow(lateEvening.plusMinutes(5).toInstant());
        Person person = Person.next();
        ClientErasureTest.post(Sessions.CLINIC_KEY, person.session(lateEvening));
        ClientErasureTest.erase(Sessions.CLINIC_KEY, person.clientId()).statusCode(200);
        // A STOP that read the client before the erasure committed records the number after it.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO opt_out (clinic_id, phone,"
                                + " opted_out_at, source) SELECT id, ?, now(), 'reply STOP' FROM clinic WHERE name = 'Test Clinic'")) {
            insert.setString(1, person.phone());
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        assertThat(TextColumnScan.find(dataSource, person.phone())).containsExactly("opt_out.phone: " + person.phone());

        job.purgeAll();

        assertThat(TextColumnScan.find(dataSource, person.needles())).isEmpty();
        ClientErasureTest.post(
                        Sessions.CLINIC_KEY,
                        Person.next().withPhone(person.phone()).session(lateEvening))
                .body("reminders.status", everyItem(equalTo("HELD")));
    }

    @Test
    void shouldEraseWhatWebhookEventsHoldOfTheClientsItErases() throws IOException {
        String clinicKey =
                newClinicWithRetention("Short Memory Webhook Clinic", 30).key();
        // No receiver: every attempt fails to connect and the deliveries wait for their next try.
        given().auth()
                .oauth2(clinicKey)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "url", "http://127.0.0.1:" + closedPort() + "/events", "events", List.of("reply.received")))
                .post("/v1/clinic/webhooks")
                .then()
                .statusCode(201);
        clock.setNow(NOON.plusDays(20).toInstant());
        Person done = Person.next();
        ClientErasureTest.post(clinicKey, done.session(NOON)).body("reminders.status", everyItem(equalTo("SKIPPED")));
        String words = "thankyou" + done.lastName();
        TwilioInbound.text(done.phone(), "all good, " + words).statusCode(200);
        assertThat(TextColumnScan.find(dataSource, words, done.clientId()))
                .contains("webhook_event.payload: " + words, "webhook_event.payload: " + done.clientId());

        clock.setNow(NOON.plusDays(31).toInstant());
        job.purgeAll();

        history(clinicKey, done).statusCode(404);
        assertThat(TextColumnScan.find(dataSource, words, done.clientId())).isEmpty();
    }

    @Test
    void shouldEraseRepliesNoClinicWasNamedForOnceOlderThanTheDefaultRetention() throws SQLException {
        Instant now = Instant.now();
        // 400 days (aftercare.retention.default-days) and a little more ago: the client's erasure would not reach it.
        clock.setNow(now.minus(Duration.ofDays(401)));
        String oldStranger = "+1604555" + STRANGERS.incrementAndGet();
        String oldUnattributed = TwilioInbound.newMessageSid();
        TwilioInbound.text(oldUnattributed, oldStranger, "who is this").statusCode(200);
        Person client = Person.next();
        ClientErasureTest.post(Sessions.CLINIC_KEY, client.session(OffsetDateTime.now(clock)));
        String oldAttributed = TwilioInbound.newMessageSid();
        TwilioInbound.text(oldAttributed, client.phone(), "thank you").statusCode(200);
        clock.setNow(now.minus(Duration.ofDays(399)));
        String recentStranger = "+1604555" + STRANGERS.incrementAndGet();
        String recentUnattributed = TwilioInbound.newMessageSid();
        TwilioInbound.text(recentUnattributed, recentStranger, "wrong number").statusCode(200);
        clock.reset();
        assertThat(reply(oldUnattributed)).containsEntry("clinic", null).containsEntry("body", "who is this");
        assertThat(reply(oldAttributed)).doesNotContainEntry("clinic", null);

        int erased = 0;
        int batch;
        do {
            batch = purge.eraseUnattributedReplies();
            erased += batch;
        } while (batch == purge.batchSize());

        assertThat(erased).isGreaterThanOrEqualTo(1);
        assertThat(reply(oldUnattributed))
                .containsEntry("body", "")
                .containsEntry("from", "")
                .containsEntry("erased", true);
        assertThat(TextColumnScan.find(dataSource, oldStranger)).isEmpty();
        assertThat(reply(recentUnattributed))
                .containsEntry("body", "wrong number")
                .containsEntry("from", recentStranger)
                .containsEntry("erased", false);
        assertThat(reply(oldAttributed))
                .as("a clinic's reply is erased with its client, by the clinic's retention")
                .containsEntry("body", "thank you")
                .containsEntry("from", client.phone())
                .containsEntry("erased", false);
    }

    @Test
    void shouldRejectARetentionOutside30To3650DaysNamingTheField() {
        for (Object days : List.of(29, 3651, -1, "forever")) {
            Map<String, Object> settings = new HashMap<>();
            settings.put("quietHours", Map.of("start", "21:00", "end", "08:00"));
            settings.put("optionalSteps", List.of());
            settings.put("retentionDays", days);
            given().auth()
                    .oauth2(Sessions.CLINIC_KEY)
                    .contentType(ContentType.JSON)
                    .body(settings)
                    .put("/v1/clinic/settings")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("retentionDays"));
        }
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic/settings")
                .then()
                .statusCode(200)
                .body("retentionDays", equalTo(null));
    }

    /** The reply's clinic, words, number and whether it was erased, as stored. */
    private Map<String, Object> reply(String messageSid) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT clinic_id, body, from_phone, erased_at IS NOT NULL FROM reply WHERE message_sid = ?")) {
            select.setString(1, messageSid);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("reply " + messageSid + " stored").isTrue();
                Map<String, Object> reply = new HashMap<>();
                reply.put("clinic", row.getObject(1));
                reply.put("body", row.getString(2));
                reply.put("from", row.getString(3));
                reply.put("erased", row.getBoolean(4));
                assertThat(row.next()).as("one clinic").isFalse();
                return reply;
            }
        }
    }

    private record NewClinic(String id, String key) {}

    private static NewClinic newClinicWithRetention(String name, int retentionDays) {
        String clinicId = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "timeZone", "America/Vancouver", "locale", "en", "region", "CA"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201)
                .extract()
                .path("clinic.id");
        String clinicKey = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .post("/admin/v1/clinics/" + clinicId + "/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        Map<String, Object> settings = new HashMap<>();
        settings.put("quietHours", null);
        settings.put("optionalSteps", List.of());
        settings.put("retentionDays", retentionDays);
        given().auth()
                .oauth2(clinicKey)
                .contentType(ContentType.JSON)
                .body(settings)
                .put("/v1/clinic/settings")
                .then()
                .statusCode(200)
                .body("retentionDays", equalTo(retentionDays));
        return new NewClinic(clinicId, clinicKey);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ValidatableResponse history(String clinicKey, Person person) {
        return given().auth()
                .oauth2(clinicKey)
                .get("/v1/clients/" + person.clientId() + "/reminders")
                .then();
    }
}
