package io.aftercare.dispatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A slow gateway (500 ms a text) and one clinic's backlog do not hold up another clinic's texts. */
@AftercareTest
@TestProfile(ManualDispatchProfile.class)
class FairDispatchTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");
    private static final String OTHER_CLINICS_CLIENT = "+16045551999";

    @Inject
    Dispatcher dispatcher;

    @Inject
    TestClock clock;

    @InjectTwilioDouble
    TwilioDouble twilio;

    private Pacing configured;

    @BeforeEach
    void slowAndNarrow() {
        // The order is read from every request the double saw: none of an earlier test in this application may count.
        twilio.acceptEverything();
        configured = dispatcher.pacing();
        // Two senders, claims of ten.
        dispatcher.pace(new Pacing(10, 2, 0));
    }

    @AfterEach
    void reset() {
        dispatcher.pace(configured);
    }

    @Test
    void shouldSendAnotherClinicsTextAmongTheFirstWhileOneClinicHasABacklog() {
        String otherClinicKey = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Other Clinic", "timeZone", "America/Vancouver", "locale", "en", "region", "CA"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey.key");
        clock.setNow(NOON.plusMinutes(5).toInstant());
        for (int i = 0; i < 20; i++) {
            Sessions.postFor("+1604555%04d".formatted(1100 + i), NOON);
        }
        // The other clinic's text falls due after all of the backlog.
        Sessions.postFor(otherClinicKey, OTHER_CLINICS_CLIENT, NOON.plusMinutes(1));
        twilio.acceptAfter(Duration.ofMillis(500));

        dispatcher.drain("node-a");

        List<String> order = twilio.messageRequests().stream()
                .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
                .map(request -> TwilioDouble.form(request).get("To"))
                .toList();
        assertThat(order).hasSize(21);
        // Claimed in the first batch of ten, not behind the twenty texts of the backlog.
        assertThat(order.indexOf(OTHER_CLINICS_CLIENT))
                .as("place of the other clinic's text")
                .isLessThan(10);
    }
}
