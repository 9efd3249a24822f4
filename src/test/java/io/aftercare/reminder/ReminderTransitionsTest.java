package io.aftercare.reminder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.dispatch.Dispatcher;
import io.aftercare.dispatch.ManualDispatchProfile;
import io.aftercare.optout.OptOuts;
import io.aftercare.reminder.StatusTransitionLog.Transition;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.aftercare.support.TwilioStatusCallback;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every status change the code makes is one {@link ReminderStatus} allows: the main flows (post, send, the provider's
 * reports, retry, unknown outcome, give up, expire, release, quiet hours, a paused account or sender, opt-out and
 * opt-in, cancel, supersede, erase, and each of them while the text is being sent) run against a database that
 * records every change of {@code reminder.status} ({@link StatusTransitionLog}), and after each test every recorded
 * change is checked against the state machine. The last test checks the other way: each change the machine allows is
 * one these flows make, so the machine says no more than the code does.
 *
 * <p>The texts are dated 2025, before any other test's of this application, and each test cancels what it left pending:
 * the dispatch tests sharing the application never see them.
 */
@AftercareTest
@TestProfile(ManualDispatchProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderTransitionsTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2025-03-04T12:00:00-08:00");
    private static final AtomicInteger NUMBERS = new AtomicInteger(7000);

    @Inject
    Dispatcher dispatcher;

    @Inject
    ReminderClaims claims;

    @Inject
    OptOuts optOuts;

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    @InjectTwilioDouble
    TwilioDouble twilio;

    /** What the flows did, over all tests of the class. */
    private final Set<Transition> made = ConcurrentHashMap.newKeySet();

    private final List<String> posted = new ArrayList<>();
    private String clinicId;

    @BeforeEach
    void recordTransitions() {
        posted.clear();
        clock.setNow(NOON.plusMinutes(1).toInstant());
        clinicId = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic")
                .then()
                .extract()
                .path("id");
        StatusTransitionLog.start(dataSource);
    }

    @AfterEach
    void checkEveryTransitionMade() {
        posted.forEach(id -> given().auth().oauth2(Sessions.CLINIC_KEY).delete("/v1/sessions/" + id));
        List<Transition> recorded = StatusTransitionLog.recorded(dataSource);
        made.addAll(recorded);
        assertThat(recorded)
                .as("status changes the state machine does not allow")
                .filteredOn(transition -> !transition.allowed())
                .isEmpty();
    }

    @AfterAll
    void stopRecording() {
        StatusTransitionLog.stop(dataSource);
    }

    @Test
    @Order(1)
    void shouldRecordTextsAsScheduledSkippedSupersededOrHeld() {
        String scheduled = post(newClient(), nextPhone(), NOON);
        // Posted twelve days late: the steps whose advice has passed are skipped.
        String late = post(newClient(), nextPhone(), NOON.minusDays(12));
        String client = newClient();
        post(client, nextPhone(), NOON);
        // An earlier session posted after a later one of the same client: the later one governs.
        String earlier = post(client, nextPhone(), NOON.minusDays(7));
        String optedOut = nextPhone();
        post(newClient(), optedOut, NOON);
        optOuts.optOut(optedOut, Optional.empty(), "reply STOP");
        String held = post(newClient(), optedOut, NOON);

        assertThat(statuses(scheduled)).containsOnly("SCHEDULED");
        assertThat(statuses(late)).containsExactly("SKIPPED", "SKIPPED", "SCHEDULED", "SCHEDULED");
        assertThat(statuses(earlier)).containsExactly("SKIPPED", "SUPERSEDED", "SUPERSEDED", "SUPERSEDED");
        assertThat(statuses(held)).containsOnly("HELD");
        assertMade(
                recorded("SCHEDULED"),
                recorded("SKIPPED"),
                recorded("SUPERSEDED"),
                recorded("HELD"),
                change("SCHEDULED", "HELD"));
    }

    @Test
    @Order(2)
    void shouldSendAndTakeTheProvidersLaterWord() {
        String delivered = post(newClient(), nextPhone(), NOON);
        String undelivered = post(newClient(), nextPhone(), NOON);
        drain();

        TwilioStatusCallback.report(firstText(delivered).getString("providerId"), "delivered", null);
        TwilioStatusCallback.report(firstText(undelivered).getString("providerId"), "undelivered", "30003");

        assertThat(firstText(delivered).getString("status")).isEqualTo("DELIVERED");
        assertThat(firstText(undelivered).getString("status")).isEqualTo("FAILED");
        assertMade(
                change("SCHEDULED", "SENDING"),
                change("SENDING", "SENT"),
                change("SENT", "DELIVERED"),
                change("SENT", "FAILED"));
    }

    @Test
    @Order(3)
    void shouldRetryAskFailGiveUpAndExpire() {
        twilio.failNext(new int[][] {{429, 20429}});
        String retried = post(newClient(), nextPhone(), NOON);
        drain();
        assertThat(firstText(retried).getString("status")).isEqualTo("SCHEDULED");
        later(Duration.ofMinutes(2));
        drain();
        assertThat(firstText(retried).getString("status")).isEqualTo("SENT");

        twilio.dropConnection();
        String unknown = post(newClient(), nextPhone(), NOON);
        drain();
        assertThat(firstText(unknown).getString("error")).startsWith("outcome unknown");
        twilio.acceptEverything();
        later(Duration.ofMinutes(2));
        drain();
        assertThat(firstText(unknown).getString("status")).isEqualTo("SENT");

        twilio.failWith(400, 21614, "To number: +16045550163, is not a mobile number");
        String refused = post(newClient(), nextPhone(), NOON);
        drain();
        assertThat(firstText(refused).getString("status")).isEqualTo("FAILED");

        twilio.failWithBareStatus(503);
        String givenUp = post(newClient(), nextPhone(), NOON);
        for (int attempt = 0; attempt < 5; attempt++) {
            drain();
            later(Duration.ofMinutes(10));
        }
        assertThat(firstText(givenUp).getString("error")).startsWith("gave up after 5 attempts");

        // Its next try (in 24 to 36 s) would come after 09:00 on day 4, when the next step's advice takes over.
        String expiredInFlight = post(newClient(), nextPhone(), NOON);
        Instant adviceEnds = Instant.parse(session(expiredInFlight).getString("reminders[1].dueAt"));
        clock.setNow(adviceEnds.minusSeconds(10));
        drain();
        assertThat(firstText(expiredInFlight).getString("status")).isEqualTo("EXPIRED");

        String expiredWaiting = post(newClient(), nextPhone(), NOON);
        clock.setNow(adviceEnds.plusSeconds(60));
        claims.expireStale(clock.instant());
        assertThat(firstText(expiredWaiting).getString("status")).isEqualTo("EXPIRED");

        assertMade(
                change("SENDING", "SCHEDULED"),
                change("SENDING", "FAILED"),
                change("SENDING", "EXPIRED"),
                change("SCHEDULED", "EXPIRED"));
    }

    @Test
    @Order(4)
    void shouldPutTextsBackForAPausedAccountOrSenderALostNodeAndTheNight() {
        String paused = post(newClient(), nextPhone(), NOON);
        twilio.failWith(401, 20003, "Authenticate");
        drain();
        assertPausedThenResume();
        twilio.failWith(400, 21212, "The From number is not a valid phone number");
        drain();
        // A sender problem pauses the clinic's sending, as an account problem does.
        assertPausedThenResume();
        assertThat(firstText(paused).getString("status")).isEqualTo("SCHEDULED");
        twilio.acceptEverything();

        String abandoned = post(newClient(), nextPhone(), NOON);
        claimAsNodeThatDies();
        assertThat(firstText(abandoned).getString("status")).isEqualTo("SENDING");
        releaseAfterTheLease();
        assertThat(firstText(abandoned).getString("status")).isEqualTo("SCHEDULED");

        OffsetDateTime evening = NOON.withHour(20).withMinute(55);
        clock.setNow(evening.plusMinutes(1).toInstant());
        String night = post(newClient(), nextPhone(), evening);
        clock.setNow(evening.plusMinutes(10).toInstant());
        drain();
        assertThat(firstText(night).getString("status")).isEqualTo("SCHEDULED");
        assertThat(firstText(night).getString("dueAt")).isEqualTo("2025-03-05T16:00:00Z");

        assertMade(change("SCHEDULED", "SENDING"), change("SENDING", "SCHEDULED"));
    }

    @Test
    @Order(5)
    void shouldApplyWhatWasDecidedWhileATextWasBeingSent() {
        String unsubscribed = post(newClient(), nextPhone(), NOON);
        twilio.failWith(400, 21610, "Attempt to send to unsubscribed recipient");
        drain();
        assertThat(firstText(unsubscribed).getString("status")).isEqualTo("HELD");
        twilio.acceptEverything();

        String cancelled = post(newClient(), nextPhone(), NOON);
        String client = newClient();
        String superseded = post(client, nextPhone(), NOON.minusDays(1));
        String optingOut = nextPhone();
        String optedOut = post(newClient(), optingOut, NOON);
        claimAsNodeThatDies();
        cancel(cancelled);
        post(client, nextPhone(), NOON);
        optOuts.optOut(optingOut, Optional.empty(), "reply STOP");
        releaseAfterTheLease();

        assertThat(firstText(cancelled).getString("status")).isEqualTo("CANCELLED");
        assertThat(firstText(superseded).getString("status")).isEqualTo("SUPERSEDED");
        assertThat(firstText(optedOut).getString("status")).isEqualTo("HELD");
        assertMade(change("SENDING", "HELD"), change("SENDING", "CANCELLED"), change("SENDING", "SUPERSEDED"));
    }

    @Test
    @Order(6)
    void shouldHoldTextsOnStopAndScheduleOrSkipThemOnStart() {
        String phone = nextPhone();
        String id = post(newClient(), phone, NOON);
        optOuts.optOut(phone, Optional.empty(), "reply STOP");
        assertThat(statuses(id)).containsOnly("HELD");

        // Back twelve days on: the first two steps' advice has passed, the third's still applies.
        clock.setNow(NOON.plusDays(12).toInstant());
        optOuts.optIn(phone, "reply START");

        assertThat(statuses(id)).containsExactly("SKIPPED", "SKIPPED", "SCHEDULED", "SCHEDULED");
        assertMade(change("SCHEDULED", "HELD"), change("HELD", "SCHEDULED"), change("HELD", "SKIPPED"));
    }

    @Test
    @Order(7)
    void shouldCancelSupersedeAndEraseWhatHasNotGoneOut() {
        String cancelled = post(newClient(), nextPhone(), NOON);
        cancel(cancelled);
        String heldPhone = nextPhone();
        String heldThenCancelled = post(newClient(), heldPhone, NOON);
        optOuts.optOut(heldPhone, Optional.empty(), "reply STOP");
        cancel(heldThenCancelled);

        String client = newClient();
        String superseded = post(client, nextPhone(), NOON.minusDays(3));
        post(client, nextPhone(), NOON);
        String heldClient = newClient();
        String heldClientPhone = nextPhone();
        String heldThenSuperseded = post(heldClient, heldClientPhone, NOON.minusDays(3));
        optOuts.optOut(heldClientPhone, Optional.empty(), "reply STOP");
        post(heldClient, heldClientPhone, NOON);

        String erasedClient = newClient();
        String erased = post(erasedClient, nextPhone(), NOON);
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .delete("/v1/clients/" + erasedClient)
                .then()
                .statusCode(200);

        assertThat(statuses(cancelled)).containsOnly("CANCELLED");
        assertThat(statuses(heldThenCancelled)).containsOnly("CANCELLED");
        assertThat(statuses(superseded)).contains("SUPERSEDED").doesNotContain("SCHEDULED");
        assertThat(statuses(heldThenSuperseded)).contains("SUPERSEDED").doesNotContain("HELD");
        assertThat(statuses(erased)).containsOnly("CANCELLED");
        assertMade(
                change("SCHEDULED", "CANCELLED"),
                change("HELD", "CANCELLED"),
                change("SCHEDULED", "SUPERSEDED"),
                change("HELD", "SUPERSEDED"));
    }

    @Test
    @Order(100)
    void shouldMakeEveryTransitionTheStateMachineAllows() {
        List<Transition> allowed = Stream.concat(
                        ReminderStatus.INITIAL.stream().map(status -> new Transition(null, status)),
                        Stream.of(ReminderStatus.values())
                                .flatMap(from -> from.allowedNext().stream().map(to -> new Transition(from, to))))
                .toList();

        assertThat(made).as("transitions the flows made").containsAll(allowed);
    }

    private void assertMade(Transition... expected) {
        assertThat(StatusTransitionLog.recorded(dataSource)).contains(expected);
    }

    private static Transition recorded(String status) {
        return new Transition(null, ReminderStatus.valueOf(status));
    }

    private static Transition change(String from, String to) {
        return new Transition(ReminderStatus.valueOf(from), ReminderStatus.valueOf(to));
    }

    private void drain() {
        dispatcher.drain("transitions-node");
    }

    private void later(Duration duration) {
        clock.setNow(clock.instant().plus(duration));
    }

    /** A node claims every text due and dies before recording anything. */
    private void claimAsNodeThatDies() {
        assertThat(claims.claimDue("node-that-dies", 500, clock.instant(), Duration.ofMinutes(1)))
                .isNotEmpty();
    }

    private void releaseAfterTheLease() {
        later(Duration.ofMinutes(2));
        claims.releaseExpired(clock.instant());
    }

    private void assertPausedThenResume() {
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .get("/admin/v1/clinics/" + clinicId + "/sending-pause")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .delete("/admin/v1/clinics/" + clinicId + "/sending-pause")
                .then()
                .statusCode(204);
    }

    private static void cancel(String sessionId) {
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .delete("/v1/sessions/" + sessionId)
                .then()
                .statusCode(200);
    }

    private String post(String clientId, String phone, OffsetDateTime ended) {
        Map<String, Object> session = Sessions.post(ended);
        Sessions.client(session).put("id", clientId);
        Sessions.client(session).put("phone", phone);
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
        return id;
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

    private static List<String> statuses(String sessionId) {
        return session(sessionId).getList("reminders.status", String.class);
    }

    private static String newClient() {
        return "client-" + NUMBERS.incrementAndGet();
    }

    private static String nextPhone() {
        return "+1604555%04d".formatted(NUMBERS.incrementAndGet());
    }
}
