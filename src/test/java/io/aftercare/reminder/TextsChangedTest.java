package io.aftercare.reminder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercare.dispatch.Dispatcher;
import io.aftercare.dispatch.ManualDispatchProfile;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.RecordedEvents;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.aftercare.support.TwilioStatusCallback;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each text that is sent, delivered, fails or expires is told to observers ({@link TextsChanged}) with its client and
 * session as the clinic knows them, the status and error it was recorded with, once, and only when it changed.
 *
 * <p>Texts are dated 2025, before any other test's of this application, and each test cancels what it left pending,
 * as {@link ReminderTransitionsTest} does.
 */
@AftercareTest
@TestProfile(ManualDispatchProfile.class)
class TextsChangedTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2025-06-10T12:00:00-07:00");
    private static final AtomicInteger NUMBERS = new AtomicInteger(8700);

    @Inject
    Dispatcher dispatcher;

    @Inject
    ReminderClaims claims;

    @Inject
    SendOutcomes outcomes;

    @Inject
    RecordedEvents events;

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    @InjectTwilioDouble
    TwilioDouble twilio;

    private final List<String> posted = new ArrayList<>();
    private UUID clinicId;

    @BeforeEach
    void record() {
        posted.clear();
        clock.setNow(NOON.plusMinutes(1).toInstant());
        clinicId = UUID.fromString(given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic")
                .then()
                .extract()
                .path("id"));
        events.start();
    }

    @AfterEach
    void cancelWhatIsLeft() {
        events.stop();
        posted.forEach(id -> given().auth().oauth2(Sessions.CLINIC_KEY).delete("/v1/sessions/" + id));
    }

    @Test
    void shouldTellOfEachTextSentWithItsClientAndSession() throws SQLException {
        Posted first = post();
        Posted second = post();

        dispatcher.drain("events-node");

        for (Posted session : List.of(first, second)) {
            JsonPath text = firstText(session.id());
            UUID reminderId = UUID.fromString(text.getString("id"));
            assertThat(changesOf(reminderId))
                    .containsExactly(new TextsChanged.Change(
                            reminderId,
                            clinicId,
                            clientId(session.clientExternalId()),
                            session.clientExternalId(),
                            Optional.of(session.sessionExternalId()),
                            text.getString("step"),
                            ReminderStatus.SENT,
                            Instant.parse(text.getString("sentAt")),
                            Optional.empty()));
        }
        // Only the texts that went out: the later steps are not due.
        assertThat(events.textChanges())
                .allMatch(change -> change.status() == ReminderStatus.SENT)
                .extracting(TextsChanged.Change::reminderId)
                .doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(laterTexts(first))
                .doesNotContainAnyElementsOf(laterTexts(second));
    }

    @Test
    void shouldTellOfABatchInOneEventAndOnlyOfTheClaimsStillHeld() {
        List<String> sessions = List.of(post().id(), post().id(), post().id());
        Set<UUID> mine = sessions.stream()
                .map(id -> UUID.fromString(firstText(id).getString("id")))
                .collect(Collectors.toSet());
        List<ClaimedText> claimed = claims.claimDue("batch-node", 500, clock.instant(), Duration.ofMinutes(5)).stream()
                .filter(text -> mine.contains(text.reminderId()))
                .toList();
        assertThat(claimed).hasSize(3);
        ClaimedText lost = claimed.get(2);
        // The same text as a claim taken over since (a later attempt): nothing of it may be written or told.
        ClaimedText stale = new ClaimedText(
                lost.reminderId(),
                lost.clinicId(),
                lost.to(),
                lost.body(),
                lost.expiresAt(),
                lost.unknownSince(),
                lost.clientZone(),
                lost.quietHours(),
                lost.claimedBy(),
                lost.attempt() + 1,
                lost.leaseEnds(),
                lost.dueAt());
        Instant sentAt = clock.instant().truncatedTo(ChronoUnit.MICROS);

        Set<SendOutcomes.Claim> written = outcomes.recordSent(
                List.of(sent(claimed.get(0), sentAt), sent(claimed.get(1), sentAt), sent(stale, sentAt)));

        assertThat(written).hasSize(2);
        assertThat(events.of(TextsChanged.class)).hasSize(1);
        assertThat(events.textChanges())
                .extracting(TextsChanged.Change::reminderId)
                .containsExactlyInAnyOrder(
                        claimed.get(0).reminderId(), claimed.get(1).reminderId());
        assertThat(events.textChanges()).allMatch(change -> change.at().equals(sentAt));

        assertThat(outcomes.recordSent(List.of(sent(stale, sentAt)))).isEmpty();
        assertThat(events.of(TextsChanged.class))
                .as("nothing written, nothing told")
                .hasSize(1);
        outcomes.release(lost, clock.instant());
    }

    @Test
    void shouldTellOfTheProvidersFinalWordOnlyWhenItChangesTheStatus() {
        String delivered = post().id();
        String undelivered = post().id();
        dispatcher.drain("events-node");
        UUID deliveredId = UUID.fromString(firstText(delivered).getString("id"));
        UUID undeliveredId = UUID.fromString(firstText(undelivered).getString("id"));
        events.start();

        TwilioStatusCallback.report(firstText(delivered).getString("providerId"), "sent", null);
        assertThat(events.textChanges()).as("not a final word").isEmpty();
        clock.setNow(clock.instant().plusSeconds(30));
        Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);
        TwilioStatusCallback.report(firstText(delivered).getString("providerId"), "delivered", null);
        Instant after = clock.instant();
        TwilioStatusCallback.report(firstText(delivered).getString("providerId"), "delivered", null);
        TwilioStatusCallback.report(firstText(delivered).getString("providerId"), "failed", "30003");
        TwilioStatusCallback.report(firstText(undelivered).getString("providerId"), "undelivered", "30003");

        assertThat(changesOf(deliveredId)).singleElement().satisfies(change -> {
            assertThat(change.status()).isEqualTo(ReminderStatus.DELIVERED);
            assertThat(change.at()).isBetween(before, after);
            assertThat(change.error()).isEmpty();
        });
        assertThat(changesOf(undeliveredId)).singleElement().satisfies(change -> {
            assertThat(change.status()).isEqualTo(ReminderStatus.FAILED);
            assertThat(change.error()).contains(firstText(undelivered).getString("error"));
        });
    }

    @Test
    void shouldTellOfATextTheProviderRefusedForGoodWithItsError() {
        twilio.failWith(400, 21614, "To number: +16045550163, is not a mobile number");
        String refused = post().id();

        Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);
        dispatcher.drain("events-node");
        Instant after = clock.instant();

        JsonPath text = firstText(refused);
        assertThat(text.getString("status")).isEqualTo("FAILED");
        assertThat(changesOf(UUID.fromString(text.getString("id"))))
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.status()).isEqualTo(ReminderStatus.FAILED);
                    assertThat(change.error()).contains(text.getString("error"));
                    assertThat(change.at()).isBetween(before, after);
                });
    }

    @Test
    void shouldTellOfATextExpiredInFlightAndOfTextsExpiredWaitingInOneEvent() {
        // Its next try would come after the next step's advice took over (as in ReminderTransitionsTest).
        twilio.failWithBareStatus(503);
        String inFlight = post().id();
        Instant adviceEnds = Instant.parse(session(inFlight).getString("reminders[1].dueAt"));
        clock.setNow(adviceEnds.minusSeconds(10));
        dispatcher.drain("events-node");
        JsonPath expired = firstText(inFlight);
        assertThat(expired.getString("status")).isEqualTo("EXPIRED");
        assertThat(changesOf(UUID.fromString(expired.getString("id"))))
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.status()).isEqualTo(ReminderStatus.EXPIRED);
                    assertThat(change.error()).contains(expired.getString("error"));
                });

        List<String> waiting = List.of(post().id(), post().id());
        Set<UUID> waitingIds = waiting.stream()
                .map(id -> UUID.fromString(firstText(id).getString("id")))
                .collect(Collectors.toSet());
        Instant before = adviceEnds.plusSeconds(60);
        clock.setNow(before);
        events.start();
        claims.expireStale(clock.instant());

        // The scheduled release job may have run the same statement first: either way, once and in one event.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(events.of(TextsChanged.class))
                        .filteredOn(event ->
                                event.changes().stream().anyMatch(change -> waitingIds.contains(change.reminderId())))
                        .singleElement()
                        .satisfies(event -> assertThat(event.changes())
                                .filteredOn(change -> waitingIds.contains(change.reminderId()))
                                .hasSize(2)
                                .allSatisfy(change -> {
                                    assertThat(change.status()).isEqualTo(ReminderStatus.EXPIRED);
                                    assertThat(change.at()).isBetween(before, clock.instant());
                                })));
        for (String id : waiting) {
            JsonPath text = firstText(id);
            assertThat(changesOf(UUID.fromString(text.getString("id"))))
                    .singleElement()
                    .satisfies(change -> assertThat(change.error()).contains(text.getString("error")));
        }
    }

    private record Posted(String id, String sessionExternalId, String clientExternalId) {}

    private List<TextsChanged.Change> changesOf(UUID reminderId) {
        return events.textChanges().stream()
                .filter(change -> change.reminderId().equals(reminderId))
                .toList();
    }

    private static List<UUID> laterTexts(Posted session) {
        return session(session.id()).getList("reminders.id", String.class).stream()
                .skip(1)
                .map(UUID::fromString)
                .toList();
    }

    private static SendOutcomes.Sent sent(ClaimedText text, Instant at) {
        return new SendOutcomes.Sent(text, "SM" + UUID.randomUUID().toString().replace("-", ""), at);
    }

    private UUID clientId(String externalId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT id FROM client WHERE clinic_id = ? AND external_id = ?")) {
            query.setObject(1, clinicId);
            query.setString(2, externalId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getObject(1, UUID.class);
            }
        }
    }

    private Posted post() {
        Map<String, Object> session = Sessions.post(NOON);
        Sessions.client(session).put("phone", "+1604555%04d".formatted(NUMBERS.incrementAndGet()));
        String id = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        posted.add(id);
        return new Posted(id, (String) session.get("sessionId"), (String)
                Sessions.client(session).get("id"));
    }

    private static JsonPath session(String id) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/sessions/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath firstText(String sessionId) {
        return session(sessionId).setRootPath("reminders[0]");
    }
}
