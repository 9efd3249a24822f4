package io.aftercare.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.oneOf;

import io.aftercare.reply.ReplyReceived;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClinics.Clinic;
import io.aftercare.support.TestClock;
import io.aftercare.support.TextColumnScan;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioInbound;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erasing a client reaches the clinic's webhook events: what they held of the client goes, and what was still to be
 * delivered about the client alone never is, however far its delivery had got.
 */
@AftercareTest
@TestProfile(WebhookProfile.class)
class WebhookErasureTest {

    /** Late evening: the sessions' texts wait for the morning, so none is being sent when an erasure comes. */
    private static final OffsetDateTime LATE_EVENING = OffsetDateTime.parse("2026-11-02T22:30:00-08:00");

    private static final AtomicInteger NUMBERS = new AtomicInteger(8100);

    @Inject
    EventFiring events;

    @Inject
    WebhookErasure erasure;

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldEraseWhatTheClientsEventsHoldAndNeverDeliverThemWhileTheOtherClientsGoOut() {
        clock.setNow(LATE_EVENING.plusMinutes(5).toInstant());
        Clinic clinic = TestClinics.create();
        AtomicBoolean down = new AtomicBoolean(true);
        receiver.answer("/clinic", n -> down.get() ? 503 : 200);
        String endpointId = TestClinics.registerWebhook(clinic, receiver.url("/clinic"), List.of("reply.received"))
                .path("id");
        String tag = tag();
        String erasedClient = "maria-" + tag;
        String keptClient = "jo-" + tag;
        String erasedWords = "bleedingzq" + tag;
        String keptWords = "normalqz" + tag;
        String erasedPhone = nextPhone();
        String keptPhone = nextPhone();
        post(clinic, erasedClient, erasedPhone);
        post(clinic, keptClient, keptPhone);
        TwilioInbound.text(erasedPhone, "my scalp is " + erasedWords).statusCode(200);
        TwilioInbound.text(keptPhone, "is this " + keptWords + "?").statusCode(200);
        assertThat(TextColumnScan.find(dataSource, erasedWords, erasedClient))
                .as("the event holds the words and the clinic's id of the client before")
                .contains("webhook_event.payload: " + erasedWords, "webhook_event.payload: " + erasedClient);

        given().auth()
                .oauth2(clinic.key())
                .delete("/v1/clients/" + erasedClient)
                .then()
                .statusCode(200)
                .body("webhookEvents", equalTo(1));

        // An attempt under way at the erasure ends, answered 503, and is not retried.
        String erasedEvent = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> deliveries(clinic, endpointId),
                        page -> page.getList("deliveries.status").contains("CANCELLED"))
                .getString("deliveries.find { it.status == 'CANCELLED' }.eventId");
        Instant up = Instant.now();
        down.set(false);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> delivered(clinic, endpointId).size() == 1);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> delivered(clinic, endpointId).size() == 1);
        assertThat(receiver.at("/clinic"))
                .filteredOn(request -> erasedEvent.equals(request.header("webhook-id")))
                .allMatch(request -> request.at().isBefore(up));
        assertThat(receiver.at("/clinic"))
                .filteredOn(request -> !request.at().isBefore(up))
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.body()).contains(keptWords, keptClient));
        assertThat(TextColumnScan.find(dataSource, erasedWords, erasedClient)).isEmpty();
        assertThat(TextColumnScan.find(dataSource, keptWords, keptClient))
                .contains("webhook_event.payload: " + keptWords, "webhook_event.payload: " + keptClient);
    }

    @Test
    void shouldStillDeliverAnOptOutOfASharedNumberWithoutTheErasedClient() {
        clock.setNow(LATE_EVENING.plusMinutes(5).toInstant());
        Clinic clinic = TestClinics.create();
        AtomicBoolean down = new AtomicBoolean(true);
        receiver.answer("/opt-outs", n -> down.get() ? 503 : 200);
        String endpointId = TestClinics.registerWebhook(clinic, receiver.url("/opt-outs"), List.of("client.opted_out"))
                .path("id");
        String tag = tag();
        String erasedClient = "a-parent-" + tag;
        String keptClient = "b-child-" + tag;
        String sharedPhone = nextPhone();
        post(clinic, erasedClient, sharedPhone);
        post(clinic, keptClient, sharedPhone);
        TwilioInbound.text(sharedPhone, "STOP").statusCode(200);

        given().auth()
                .oauth2(clinic.key())
                .delete("/v1/clients/" + erasedClient)
                .then()
                .statusCode(200)
                .body("webhookEvents", equalTo(1));
        down.set(false);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> delivered(clinic, endpointId).size() == 1);
        WebhookReceiver.Received last =
                receiver.at("/opt-outs").get(receiver.at("/opt-outs").size() - 1);
        JsonPath body = JsonPath.from(last.body());
        assertThat(body.getString("type")).isEqualTo("client.opted_out");
        assertThat(body.getList("data.clients.externalId")).containsExactly(keptClient);
        assertThat(last.body()).doesNotContain(erasedClient);
        assertThat(TextColumnScan.find(dataSource, erasedClient)).isEmpty();
    }

    @Test
    void shouldRefuseToSendAgainByHandAFailedDeliveryAboutAnErasedClient() {
        Clinic clinic = TestClinics.create();
        receiver.answer("/down", n -> 500);
        String endpointId = TestClinics.registerWebhook(clinic, receiver.url("/down"), List.of("reply.received"))
                .path("id");
        UUID client = UUID.randomUUID();
        events.fire(reply(clinic, client, "client-" + client));
        JsonPath failed = await().atMost(Duration.ofSeconds(10))
                .until(() -> deliveries(clinic, endpointId), p -> "FAILED".equals(p.getString("deliveries[0].status")));
        int attempts = receiver.at("/down").size();
        receiver.answer("/down", n -> 200);

        assertThat(QuarkusTransaction.requiringNew().call(() -> erasure.eraseClient(client, Instant.now())))
                .isEqualTo(1);

        given().auth()
                .oauth2(clinic.key())
                .post("/v1/clinic/webhooks/" + endpointId + "/deliveries/" + failed.getString("deliveries[0].id")
                        + "/retry")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("erased"));
        await().during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(2))
                .until(() -> receiver.at("/down").size() == attempts);
        assertThat(TextColumnScan.find(dataSource, "client-" + client)).isEmpty();
    }

    @Test
    void shouldCancelRatherThanDeliverAgainWhatADeadNodeHadClaimedForAnErasedClient() {
        Clinic clinic = TestClinics.create();
        String endpointId = TestClinics.registerWebhook(clinic, receiver.url("/dead-node"), List.of("reply.received"))
                .path("id");
        UUID client = UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> {
            events.fireClaimedByADeadNode(reply(clinic, client, "client-" + client));
            assertThat(erasure.eraseClient(client, Instant.now())).isEqualTo(1);
        });

        JsonPath page = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> deliveries(clinic, endpointId),
                        p -> "CANCELLED".equals(p.getString("deliveries[0].status")));
        assertThat(page.getList("deliveries[0].attempts.error")).containsExactly("INTERRUPTED");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> receiver.at("/dead-node").isEmpty());
    }

    @Test
    void shouldNotRetryAnAttemptThatWasUnderWayWhenTheClientWasErased() throws InterruptedException {
        Clinic clinic = TestClinics.create();
        CountDownLatch erased = new CountDownLatch(1);
        receiver.answer("/in-flight", n -> {
            try {
                erased.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 503;
        });
        String endpointId = TestClinics.registerWebhook(clinic, receiver.url("/in-flight"), List.of("reply.received"))
                .path("id");
        UUID client = UUID.randomUUID();
        try {
            events.fire(reply(clinic, client, "client-" + client));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> receiver.at("/in-flight").size() == 1);

            assertThat(QuarkusTransaction.requiringNew().call(() -> erasure.eraseClient(client, Instant.now())))
                    .isEqualTo(1);
        } finally {
            erased.countDown();
        }

        await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> deliveries(clinic, endpointId),
                        p -> "CANCELLED".equals(p.getString("deliveries[0].status")));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> receiver.at("/in-flight").size() == 1);
        assertThat(deliveries(clinic, endpointId).getList("deliveries[0].attempts.statusCode"))
                .hasSize(1)
                .allSatisfy(status -> assertThat(status).isIn(503, null));
    }

    @Test
    void shouldTellNothingOfAClientErasedSinceATextWasSent() {
        Clinic clinic = TestClinics.create();
        TestClinics.registerWebhook(clinic, receiver.url("/late"), List.of("reminder.sent", "reminder.delivered"));
        Map<String, Object> settings = new HashMap<>();
        settings.put("quietHours", null); // the first text goes out now, whatever the hour in Vancouver
        settings.put("optionalSteps", List.of());
        given().auth()
                .oauth2(clinic.key())
                .contentType(ContentType.JSON)
                .body(settings)
                .put("/v1/clinic/settings")
                .then()
                .statusCode(200);
        String client = "late-" + tag();
        Map<String, Object> session = Sessions.post(OffsetDateTime.now());
        Sessions.client(session).put("id", client);
        Sessions.client(session).put("phone", nextPhone());
        UUID sessionId = TestClinics.post(clinic, session);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> receiver.at("/late").stream()
                        .anyMatch(request -> request.body().contains("reminder.sent")));
        // A later text of the plan may be being sent: the erasure is refused until it is recorded.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> given().auth()
                                .oauth2(clinic.key())
                                .delete("/v1/clients/" + client)
                                .statusCode()
                        == 200);
        long recorded = events.eventsOf(clinic.id());
        int received = receiver.at("/late").size();
        String providerId = given().auth()
                .oauth2(clinic.key())
                .get("/v1/sessions/" + sessionId)
                .then()
                .statusCode(200)
                .body("reminders[0].status", equalTo("SENT"))
                .extract()
                .path("reminders[0].providerId");

        report(providerId, "delivered");

        given().auth()
                .oauth2(clinic.key())
                .get("/v1/sessions/" + sessionId)
                .then()
                .body("reminders[0].status", equalTo("DELIVERED"));
        assertThat(events.eventsOf(clinic.id())).isEqualTo(recorded);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> receiver.at("/late").size() == received);
    }

    @Test
    void shouldCountOnlyTheEventsThatNamedTheClient() {
        Clinic clinic = TestClinics.create();
        TestClinics.registerWebhook(clinic, receiver.url("/counted"), List.of("reply.received"));
        UUID client = UUID.randomUUID();
        events.fire(reply(clinic, client, "client-" + client));
        events.fire(reply(clinic, client, "client-" + client));
        events.fire(reply(clinic, UUID.randomUUID(), "someone-else"));

        assertThat(QuarkusTransaction.requiringNew().call(() -> erasure.eraseClient(client, Instant.now())))
                .isEqualTo(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> erasure.eraseClient(client, Instant.now())))
                .as("a second erasure finds nothing more")
                .isZero();
        assertThat(TextColumnScan.find(dataSource, "someone-else")).contains("webhook_event.payload: someone-else");
    }

    private static List<String> delivered(Clinic clinic, String endpointId) {
        return deliveries(clinic, endpointId).getList("deliveries.findAll { it.status == 'DELIVERED' }.eventId");
    }

    private static JsonPath deliveries(Clinic clinic, String endpointId) {
        return given().auth()
                .oauth2(clinic.key())
                .get("/v1/clinic/webhooks/" + endpointId + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void post(Clinic clinic, String clientId, String phone) {
        Map<String, Object> session = Sessions.post(LATE_EVENING);
        Sessions.client(session).put("id", clientId);
        Sessions.client(session).put("phone", phone);
        given().auth()
                .oauth2(clinic.key())
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(201)
                .body("reminders.status", everyItem(oneOf("SCHEDULED", "SKIPPED")));
    }

    private static void report(String providerId, String status) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", TwilioDouble.ACCOUNT_SID);
        form.put("MessageSid", providerId);
        form.put("MessageStatus", status);
        given().contentType(ContentType.URLENC)
                .formParams(form)
                .header(
                        "X-Twilio-Signature",
                        TwilioDouble.signature(TwilioDouble.WEBHOOK_BASE_URL + "/v1/twilio/status", form))
                .post("/v1/twilio/status")
                .then()
                .statusCode(204);
    }

    private static ReplyReceived reply(Clinic clinic, UUID clientId, String externalId) {
        return new ReplyReceived(
                UUID.randomUUID(),
                clinic.id(),
                Optional.of(clientId),
                Optional.of(externalId),
                Optional.of("session-77"),
                "URGENT",
                "my scalp is bleeding and hot",
                Instant.now());
    }

    private static String nextPhone() {
        return "+1604555%04d".formatted(NUMBERS.incrementAndGet());
    }

    /** Letters only, found in no other test's data. */
    private static String tag() {
        StringBuilder letters = new StringBuilder();
        for (char c :
                Long.toHexString(UUID.randomUUID().getLeastSignificantBits()).toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return letters.toString();
    }
}
