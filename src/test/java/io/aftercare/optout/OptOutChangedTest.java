package io.aftercare.optout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.aftercare.dispatch.ManualDispatchProfile;
import io.aftercare.optout.OptOutChanged.ClientRef;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.RecordedEvents;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A STOP or START is told to each clinic it changes ({@link OptOutChanged}), naming the clinic's clients with the
 * number and never the number; one that changes nothing is told to none, and neither is an erasure.
 */
@AftercareTest
@TestProfile(ManualDispatchProfile.class)
class OptOutChangedTest {

    private static final String INBOUND_URL = TwilioDouble.WEBHOOK_BASE_URL + "/v1/twilio/inbound";
    /** Nothing is due before 08:00 (quiet hours), and this application sends only when a test drains the queue. */
    private static final OffsetDateTime LATE_EVENING = OffsetDateTime.parse("2025-07-08T22:30:00-07:00");

    private static final AtomicInteger NUMBERS = new AtomicInteger(8500);

    @Inject
    RecordedEvents events;

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    private final List<String> posted = new ArrayList<>();
    private UUID clinicId;

    @BeforeEach
    void record() {
        posted.clear();
        clock.setNow(LATE_EVENING.plusMinutes(5).toInstant());
        clinicId = clinicId(Sessions.CLINIC_KEY);
        events.start();
    }

    @AfterEach
    void cancelWhatIsLeft() {
        events.stop();
        posted.forEach(id -> given().auth().oauth2(Sessions.CLINIC_KEY).delete("/v1/sessions/" + id));
    }

    @Test
    void shouldTellEachClinicOfAStopOnceNamingItsClientsNotTheNumber() throws SQLException {
        String phone = nextPhone();
        String first = postFor(Sessions.CLINIC_KEY, phone);
        String second = postFor(Sessions.CLINIC_KEY, phone);
        String otherKey = newClinic("Second Studio " + phone);
        String elsewhere = postFor(otherKey, phone);
        UUID otherClinicId = clinicId(otherKey);
        Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        inbound(phone, "Stop").statusCode(200);

        List<OptOutChanged> told = events.of(OptOutChanged.class);
        assertThat(told).extracting(OptOutChanged::clinicId).containsExactlyInAnyOrder(clinicId, otherClinicId);
        assertThat(told).allSatisfy(event -> {
            assertThat(event.optedOut()).isTrue();
            assertThat(event.source()).isEqualTo("reply STOP");
            assertThat(event.at()).isBetween(before, clock.instant());
            assertThat(event.toString()).doesNotContain(phone.substring(1));
        });
        assertThat(eventOf(clinicId).clients())
                .containsExactlyInAnyOrder(client(clinicId, first), client(clinicId, second));
        assertThat(eventOf(otherClinicId).clients()).containsExactly(client(otherClinicId, elsewhere));

        inbound(phone, "STOP").statusCode(200);
        assertThat(events.of(OptOutChanged.class))
                .as("a repeated STOP changes nothing")
                .hasSize(2);
    }

    @Test
    void shouldTellEachClinicOfAStartOnceAndOfNoneWhenNotOptedOut() throws SQLException {
        String phone = nextPhone();
        String client = postFor(Sessions.CLINIC_KEY, phone);
        inbound(phone, "START").statusCode(200);
        assertThat(events.of(OptOutChanged.class))
                .as("not opted out: nothing changed")
                .isEmpty();
        inbound(phone, "STOP").statusCode(200);
        events.start();

        inbound(phone, "unstop").statusCode(200);
        inbound(phone, "START").statusCode(200);

        assertThat(events.of(OptOutChanged.class)).singleElement().satisfies(event -> {
            assertThat(event.clinicId()).isEqualTo(clinicId);
            assertThat(event.optedOut()).isFalse();
            assertThat(event.source()).isEqualTo("reply UNSTOP");
            assertThat(event.clients()).containsExactly(client(clinicId, client));
        });
    }

    @Test
    void shouldTellNothingOfAnErasureAndNoClientOfAStartThatLiftsAnErasedClientsStop() {
        String phone = nextPhone();
        String client = postFor(Sessions.CLINIC_KEY, phone);
        inbound(phone, "STOP").statusCode(200);
        events.start();

        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .delete("/v1/clients/" + client)
                .then()
                .statusCode(200);
        assertThat(events.of(OptOutChanged.class))
                .as("an erasure keeps the opt-out, as a marker")
                .isEmpty();

        inbound(phone, "START").statusCode(200);

        assertThat(events.of(OptOutChanged.class)).singleElement().satisfies(event -> {
            assertThat(event.clinicId()).isEqualTo(clinicId);
            assertThat(event.optedOut()).isFalse();
            assertThat(event.clients())
                    .as("the clinic has no client with the number any more")
                    .isEmpty();
        });
    }

    @Test
    void shouldNotRecordAStopWhoseObserverFails() {
        String phone = nextPhone();
        Map<String, Object> session = Sessions.post(LATE_EVENING);
        Sessions.client(session).put("phone", phone);
        posted.add(given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        events.failFor(clinicId);

        inbound(phone, "STOP").statusCode(500);

        history(Sessions.client(session).get("id")).body("optedOut", equalTo(false));
        events.start();
        inbound(phone, "STOP").statusCode(200);
        assertThat(events.of(OptOutChanged.class))
                .as("the first STOP left no row behind")
                .hasSize(1);
        history(Sessions.client(session).get("id")).body("optedOut", equalTo(true));
    }

    private OptOutChanged eventOf(UUID clinic) {
        return events.of(OptOutChanged.class).stream()
                .filter(event -> event.clinicId().equals(clinic))
                .findFirst()
                .orElseThrow();
    }

    private ClientRef client(UUID clinic, String externalId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT id FROM client WHERE clinic_id = ? AND external_id = ?")) {
            query.setObject(1, clinic);
            query.setString(2, externalId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return new ClientRef(row.getObject(1, UUID.class), externalId);
            }
        }
    }

    /** Posts a session for a new client with this number; answers the client's id as the clinic knows it. */
    private String postFor(String clinicKey, String phone) {
        Map<String, Object> session = Sessions.post(LATE_EVENING);
        Sessions.client(session).put("phone", phone);
        String id = given().auth()
                .oauth2(clinicKey)
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        if (clinicKey.equals(Sessions.CLINIC_KEY)) {
            posted.add(id);
        }
        return (String) Sessions.client(session).get("id");
    }

    private static UUID clinicId(String clinicKey) {
        return UUID.fromString(given().auth()
                .oauth2(clinicKey)
                .get("/v1/clinic")
                .then()
                .extract()
                .path("id"));
    }

    private static String newClinic(String name) {
        return given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "timeZone", "America/Vancouver", "locale", "en", "region", "CA"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey.key");
    }

    private static String nextPhone() {
        return "+1604555%04d".formatted(NUMBERS.incrementAndGet());
    }

    private static ValidatableResponse inbound(String phone, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", TwilioDouble.ACCOUNT_SID);
        form.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        form.put("From", phone);
        form.put("To", TwilioDouble.FROM);
        form.put("Body", body);
        return given().contentType(ContentType.URLENC)
                .formParams(form)
                .header("X-Twilio-Signature", TwilioDouble.signature(INBOUND_URL, form))
                .post("/v1/twilio/inbound")
                .then();
    }

    private static ValidatableResponse history(Object clientId) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clients/" + clientId + "/reminders")
                .then()
                .statusCode(200);
    }
}
