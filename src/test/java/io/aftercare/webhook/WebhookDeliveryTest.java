package io.aftercare.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercare.optout.OptOutChanged;
import io.aftercare.pause.SendingPauseChanged;
import io.aftercare.reminder.ReminderStatus;
import io.aftercare.reminder.TextsChanged;
import io.aftercare.reply.ReplyReceived;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClinics.Clinic;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events reach a real HTTP receiver on loopback, signed, retried, and never at the expense of texts or other clinics. */
@AftercareTest
@TestProfile(WebhookProfile.class)
class WebhookDeliveryTest {

    @Inject
    EventFiring events;

    @Inject
    DeliveryOutcomes outcomes;

    @InjectTwilioDouble
    TwilioDouble twilio;

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
    void shouldDeliverAReplyAsASignedStandardWebhook() {
        Clinic clinic = TestClinics.create();
        var endpoint = TestClinics.registerWebhook(clinic, receiver.url("/signed"), List.of("reply.received"));
        String secret = endpoint.path("secret");
        UUID replyId = UUID.randomUUID();

        events.fire(urgentReply(clinic, replyId));

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.at("/signed").size() == 1);
        WebhookReceiver.Received request = receiver.at("/signed").get(0);
        assertThat(request.header("content-type")).startsWith("application/json");
        assertThat(request.header("webhook-id")).matches("msg_[0-9a-f]{32}");
        assertThat(Long.parseLong(request.header("webhook-timestamp")))
                .isBetween(Instant.now().getEpochSecond() - 30, Instant.now().getEpochSecond() + 1);
        assertThat(verifies(secret, request)).isTrue();
        assertThat(verifies(WebhookSecret.generate().text(), request))
                .as("another secret does not verify")
                .isFalse();
        JsonPath body = JsonPath.from(request.body());
        assertThat(body.getString("type")).isEqualTo("reply.received");
        assertThat(body.getString("timestamp")).isNotBlank();
        assertThat(body.getString("data.replyId")).isEqualTo(replyId.toString());
        assertThat(body.getString("data.category")).isEqualTo("URGENT");
        assertThat(body.getString("data.body")).isEqualTo("my scalp is bleeding and hot");
        assertThat(body.getString("data.clientExternalId")).isEqualTo("client-77");
        assertThat(body.getString("data.sessionExternalId")).isEqualTo("session-77");
        assertThat(request.body()).doesNotContain("+1604").doesNotContain("phone");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonPath page = deliveries(clinic, endpoint.path("id"));
            assertThat(page.getString("deliveries[0].status")).isEqualTo("DELIVERED");
            assertThat(page.getString("deliveries[0].eventId")).isEqualTo(request.header("webhook-id"));
            assertThat(page.getString("deliveries[0].eventType")).isEqualTo("reply.received");
            assertThat(page.getList("deliveries[0].attempts.statusCode")).containsExactly(200);
        });
    }

    @Test
    void shouldRecordNothingForEventsNoEndpointWants() {
        Clinic listening = TestClinics.create();
        Clinic silent = TestClinics.create();
        TestClinics.registerWebhook(listening, receiver.url("/replies-only"), List.of("reply.received"));

        events.fire(new TextsChanged(List.of(
                textChange(listening, ReminderStatus.SENT, Optional.empty()),
                textChange(silent, ReminderStatus.FAILED, Optional.of("the number is not a mobile")))));
        events.fire(new SendingPauseChanged(listening.id(), true, Optional.of("credentials refused"), Instant.now()));
        events.fire(urgentReply(silent, UUID.randomUUID()));

        assertThat(events.eventsOf(listening.id())).isZero();
        assertThat(events.eventsOf(silent.id())).isZero();
        events.fire(urgentReply(listening, UUID.randomUUID()));
        assertThat(events.eventsOf(listening.id())).isEqualTo(1);
    }

    @Test
    void shouldDeliverTextOptOutAndPauseEventsWithTheirData() {
        Clinic clinic = TestClinics.create();
        var endpoint = TestClinics.registerWebhook(
                clinic,
                receiver.url("/all"),
                List.of(
                        "reminder.sent",
                        "reminder.failed",
                        "client.opted_out",
                        "clinic.sending_paused",
                        "clinic.sending_resumed"));
        UUID clientId = UUID.randomUUID();

        events.fire(new TextsChanged(List.of(
                textChange(clinic, ReminderStatus.SENT, Optional.empty()),
                textChange(clinic, ReminderStatus.FAILED, Optional.of("the number cannot receive texts")),
                textChange(clinic, ReminderStatus.DELIVERED, Optional.empty()))));
        events.fire(new OptOutChanged(
                clinic.id(),
                List.of(new OptOutChanged.ClientRef(clientId, "client-9")),
                true,
                "reply STOP",
                Instant.now()));
        events.fire(new OptOutChanged(
                clinic.id(),
                List.of(new OptOutChanged.ClientRef(clientId, "client-9")),
                false,
                "reply START",
                Instant.now()));
        events.fire(new SendingPauseChanged(clinic.id(), true, Optional.of("credentials refused"), Instant.now()));
        events.fire(new SendingPauseChanged(clinic.id(), false, Optional.empty(), Instant.now()));

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.at("/all").size() == 5);
        List<JsonPath> bodies = receiver.at("/all").stream()
                .peek(request ->
                        assertThat(verifies(endpoint.path("secret"), request)).isTrue())
                .map(request -> JsonPath.from(request.body()))
                .toList();
        assertThat(bodies)
                .extracting(body -> body.getString("type"))
                .containsExactlyInAnyOrder(
                        "reminder.sent",
                        "reminder.failed",
                        "client.opted_out",
                        "clinic.sending_paused",
                        "clinic.sending_resumed");
        JsonPath failed = only(bodies, "reminder.failed");
        assertThat(failed.getString("data.status")).isEqualTo("FAILED");
        assertThat(failed.getString("data.error")).isEqualTo("the number cannot receive texts");
        assertThat(failed.getString("data.step")).isEqualTo("day-2");
        assertThat(failed.getString("data.clientExternalId")).isEqualTo("client-77");
        JsonPath optedOut = only(bodies, "client.opted_out");
        assertThat(optedOut.getString("data.clients[0].externalId")).isEqualTo("client-9");
        assertThat(optedOut.getString("data.source")).isEqualTo("reply STOP");
        assertThat(only(bodies, "clinic.sending_paused").getString("data.reason"))
                .isEqualTo("credentials refused");
        assertThat(only(bodies, "clinic.sending_resumed").getString("data.reason"))
                .isNull();
    }

    @Test
    void shouldRetryAFailingReceiverUntilItAnswersThenNeverAgain() {
        Clinic clinic = TestClinics.create();
        receiver.answer("/flaky", n -> n <= 3 ? 503 : 200);
        var endpoint = TestClinics.registerWebhook(clinic, receiver.url("/flaky"), List.of("reply.received"));

        events.fire(urgentReply(clinic, UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(8)).until(() -> receiver.at("/flaky").size() == 4);
        await().during(Duration.ofMillis(1_500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> receiver.at("/flaky").size() == 4);
        List<WebhookReceiver.Received> requests = receiver.at("/flaky");
        assertThat(requests)
                .extracting(request -> request.header("webhook-id"))
                .containsOnly(requests.get(0).header("webhook-id"));
        assertThat(requests)
                .allSatisfy(request ->
                        assertThat(verifies(endpoint.path("secret"), request)).isTrue());
        JsonPath page = deliveries(clinic, endpoint.path("id"));
        assertThat(page.getString("deliveries[0].status")).isEqualTo("DELIVERED");
        assertThat(page.getList("deliveries[0].attempts.statusCode")).containsExactly(503, 503, 503, 200);
        assertThat(page.getList("deliveries[0].attempts.attempt")).containsExactly(1, 2, 3, 4);
    }

    @Test
    void shouldDisableAnEndpointThatAnswersGone() {
        Clinic clinic = TestClinics.create();
        receiver.answer("/gone", n -> 410);
        var endpoint = TestClinics.registerWebhook(clinic, receiver.url("/gone"), List.of("reply.received"));

        events.fire(urgentReply(clinic, UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> given().auth()
                        .oauth2(clinic.key())
                        .get("/v1/clinic/webhooks")
                        .then()
                        .statusCode(200)
                        .body("[0].disabledAt", org.hamcrest.Matchers.notNullValue())
                        .body("[0].disabledReason", org.hamcrest.Matchers.containsString("410")));
        events.fire(urgentReply(clinic, UUID.randomUUID()));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> receiver.at("/gone").size() == 1);
        JsonPath page = deliveries(clinic, endpoint.path("id"));
        assertThat(page.getList("deliveries.status")).containsExactly("FAILED");
        assertThat(page.getList("deliveries[0].attempts.statusCode")).containsExactly(410);
    }

    @Test
    void shouldDeliverAgainWhatANodeClaimedBeforeItDied() {
        Clinic clinic = TestClinics.create();
        var endpoint = TestClinics.registerWebhook(clinic, receiver.url("/after-crash"), List.of("reply.received"));

        events.fireClaimedByADeadNode(urgentReply(clinic, UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(5))
                .until(() -> receiver.at("/after-crash").size() == 1);
        JsonPath page = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> deliveries(clinic, endpoint.path("id")),
                        p -> "DELIVERED".equals(p.getString("deliveries[0].status")));
        assertThat(page.getList("deliveries[0].attempts.error")).containsExactly("INTERRUPTED", null);
        assertThat(page.getList("deliveries[0].attempts.statusCode")).containsExactly(null, 200);
        assertThat(receiver.at("/after-crash").get(0).header("webhook-id"))
                .isEqualTo(page.getString("deliveries[0].eventId"));
        // The dead node comes back and records its old attempt: its claim is no longer the one that holds the row.
        ClaimedDelivery stale = new ClaimedDelivery(
                UUID.fromString(page.getString("deliveries[0].id")),
                1,
                Instant.now().plusSeconds(60),
                page.getString("deliveries[0].eventId"),
                "{}",
                UUID.fromString(endpoint.path("id")),
                receiver.url("/after-crash"),
                List.of(WebhookSecret.generate()),
                "dead-node",
                Instant.now().plusSeconds(60));
        assertThat(outcomes.record(stale, AttemptResult.answered(500, Instant.now(), 5)))
                .isFalse();
        assertThat(deliveries(clinic, endpoint.path("id")).getString("deliveries[0].status"))
                .isEqualTo("DELIVERED");
    }

    @Test
    void shouldKeepDeliveringToOtherClinicsAndSendingTextsWhileAnEndpointHangs() throws IOException {
        Sessions.settings(null, List.of()); // the text falls due now, whatever the hour in Vancouver
        Clinic dead = TestClinics.create();
        Clinic unreachable = TestClinics.create();
        Clinic healthy = TestClinics.create();
        receiver.answer("/dead", n -> WebhookReceiver.HANG);
        var deadEndpoint = TestClinics.registerWebhook(dead, receiver.url("/dead"), List.of("reply.received"));
        TestClinics.registerWebhook(
                unreachable, "http://127.0.0.1:" + closedPort() + "/nobody", List.of("reply.received"));
        TestClinics.registerWebhook(healthy, receiver.url("/healthy"), List.of("reply.received"));
        for (int i = 0; i < 6; i++) {
            events.fire(urgentReply(dead, UUID.randomUUID()));
            events.fire(urgentReply(unreachable, UUID.randomUUID()));
        }
        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.at("/dead").size() >= 2);

        Instant start = Instant.now();
        for (int i = 0; i < 5; i++) {
            events.fire(urgentReply(healthy, UUID.randomUUID()));
        }
        String phone = "+16045550177";
        Sessions.postFor(phone, OffsetDateTime.now().minusMinutes(1));

        await().atMost(Duration.ofMillis(1_500))
                .until(() -> receiver.at("/healthy").size() == 5);
        Duration healthyTook = Duration.between(start, Instant.now());
        await().atMost(Duration.ofSeconds(2))
                .until(() -> !twilio.messagesTo(phone).isEmpty());
        Duration textTook = Duration.between(start, Instant.now());
        assertThat(healthyTook).isLessThan(Duration.ofMillis(1_500));
        assertThat(textTook).isLessThan(Duration.ofSeconds(2));
        // Meanwhile the dead endpoint's attempts time out and are retried, never more than 2 at once.
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(deliveries(dead, deadEndpoint.path("id"))
                                .getList("deliveries.attempts.error.flatten()"))
                        .contains("TIMEOUT"));
        assertThat(receiver.at("/dead").size()).isLessThanOrEqualTo(6);
    }

    @Test
    void shouldSendAFailedDeliveryAgainByHand() {
        Clinic clinic = TestClinics.create();
        receiver.answer("/down", n -> 500);
        var endpoint = TestClinics.registerWebhook(clinic, receiver.url("/down"), List.of("reply.received"));
        String endpointId = endpoint.path("id");
        events.fire(urgentReply(clinic, UUID.randomUUID()));
        JsonPath failed = await().atMost(Duration.ofSeconds(10))
                .until(() -> deliveries(clinic, endpointId), p -> "FAILED".equals(p.getString("deliveries[0].status")));
        int attemptsBefore = receiver.at("/down").size();
        assertThat(failed.getList("deliveries[0].attempts")).hasSize(attemptsBefore);
        String deliveryId = failed.getString("deliveries[0].id");
        receiver.answer("/down", n -> 200);

        given().auth()
                .oauth2(clinic.key())
                .post("/v1/clinic/webhooks/" + endpointId + "/deliveries/" + deliveryId + "/retry")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"))
                .body("eventId", org.hamcrest.Matchers.equalTo(failed.getString("deliveries[0].eventId")));

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.at("/down").size() == attemptsBefore + 1);
        assertThat(receiver.at("/down").get(attemptsBefore).header("webhook-id"))
                .isEqualTo(failed.getString("deliveries[0].eventId"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "DELIVERED".equals(deliveries(clinic, endpointId).getString("deliveries[0].status")));
        given().auth()
                .oauth2(clinic.key())
                .post("/v1/clinic/webhooks/" + endpointId + "/deliveries/" + deliveryId + "/retry")
                .then()
                .statusCode(409);
    }

    @Test
    void shouldCancelWhatWasStillToBeDeliveredWhenAnEndpointIsDeleted() {
        Clinic clinic = TestClinics.create();
        receiver.answer("/deleted", n -> 500);
        String endpointId = TestClinics.registerWebhook(clinic, receiver.url("/deleted"), List.of("reply.received"))
                .path("id");
        events.fire(urgentReply(clinic, UUID.randomUUID()));
        events.fire(urgentReply(clinic, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> receiver.at("/deleted").size() >= 1);

        given().auth()
                .oauth2(clinic.key())
                .delete("/v1/clinic/webhooks/" + endpointId)
                .then()
                .statusCode(204);

        await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> events.deliveryStatusesOf(clinic.id()),
                        statuses -> statuses.equals(List.of("CANCELLED", "CANCELLED")));
        int received = receiver.at("/deleted").size();
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> receiver.at("/deleted").size() == received);
    }

    @Test
    void shouldSignWithBothSecretsWhileARotationOverlaps() {
        Clinic clinic = TestClinics.create();
        String oldSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String endpointId = given().auth()
                .oauth2(clinic.key())
                .contentType("application/json")
                .body(java.util.Map.of(
                        "url", receiver.url("/rotating"), "events", List.of("reply.received"), "secret", oldSecret))
                .post("/v1/clinic/webhooks")
                .then()
                .statusCode(201)
                .body("secret", org.hamcrest.Matchers.equalTo(oldSecret))
                .extract()
                .path("id");
        String newSecret = given().auth()
                .oauth2(clinic.key())
                .post("/v1/clinic/webhooks/" + endpointId + "/secret")
                .then()
                .statusCode(200)
                .body("previousSecretValidUntil", org.hamcrest.Matchers.notNullValue())
                .extract()
                .path("secret");

        events.fire(urgentReply(clinic, UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(5))
                .until(() -> receiver.at("/rotating").size() == 1);
        WebhookReceiver.Received request = receiver.at("/rotating").get(0);
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(verifies(newSecret, request)).isTrue();
        assertThat(verifies(oldSecret, request)).isTrue();
        assertThat(given().auth()
                        .oauth2(clinic.key())
                        .get("/v1/clinic/webhooks")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .doesNotContain("whsec_");
    }

    private static boolean verifies(String secret, WebhookReceiver.Received request) {
        return SignatureCheck.verifies(
                secret,
                request.header("webhook-id"),
                request.header("webhook-timestamp"),
                request.body(),
                request.header("webhook-signature"));
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

    private static JsonPath only(List<JsonPath> bodies, String type) {
        return bodies.stream()
                .filter(body -> type.equals(body.getString("type")))
                .findFirst()
                .orElseThrow();
    }

    private static ReplyReceived urgentReply(Clinic clinic, UUID replyId) {
        return new ReplyReceived(
                replyId,
                clinic.id(),
                Optional.of(UUID.randomUUID()),
                Optional.of("client-77"),
                Optional.of("session-77"),
                "URGENT",
                "my scalp is bleeding and hot",
                Instant.now());
    }

    private static TextsChanged.Change textChange(Clinic clinic, ReminderStatus status, Optional<String> error) {
        return new TextsChanged.Change(
                UUID.randomUUID(),
                clinic.id(),
                UUID.randomUUID(),
                "client-77",
                Optional.of("session-77"),
                "day-2",
                status,
                Instant.now(),
                error);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
