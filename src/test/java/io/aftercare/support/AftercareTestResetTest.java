package io.aftercare.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.aftercare.pause.SendingPauses;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** What one {@link AftercareTest} changes, the next one finds back as a new clinic has it. */
@AftercareTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AftercareTestResetTest {

    private static final Instant LONG_AGO = Instant.parse("2020-01-01T12:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    SendingPauses pauses;

    @InjectTwilioDouble
    TwilioDouble twilio;

    @Test
    @Order(1)
    void shouldLetATestChangeTheClinicTwilioAndTheClock() {
        clock.setNow(LONG_AGO);
        twilio.failWith(401, 20003, "Authenticate");
        Map<String, Object> settings = new HashMap<>();
        settings.put("quietHours", null);
        settings.put("optionalSteps", List.of("sun-care"));
        settings.put("retentionDays", 400);
        settings.put("smsTransliteration", false);
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(settings)
                .put("/v1/clinic/settings")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("template", "{clinicName}: Hi {firstName}, rinse gently from today."))
                .put("/v1/clinic/templates/day-4/fr")
                .then()
                .statusCode(200);
        pauses.pause(UUID.fromString(clinicId()), "20003: a test's refusal");

        assertThat(clock.instant()).isBefore(LONG_AGO.plusSeconds(60));
        assertThat(createMessage()).isEqualTo(401);
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .get("/admin/v1/clinics/" + clinicId() + "/sending-pause")
                .then()
                .statusCode(200);
    }

    @Test
    @Order(2)
    void shouldStartTheNextTestWithTheDefaults() {
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(createMessage()).isEqualTo(201);
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic/settings")
                .then()
                .statusCode(200)
                .body("quietHours.start", equalTo("21:00"))
                .body("quietHours.end", equalTo("08:00"))
                .body("optionalSteps", empty())
                .body("retentionDays", nullValue())
                .body("smsTransliteration", equalTo(true));
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic/templates")
                .then()
                .statusCode(200)
                .body("findAll { it.overridden }", empty());
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .get("/admin/v1/clinics/" + clinicId() + "/sending-pause")
                .then()
                .statusCode(404);
    }

    private static String clinicId() {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    /** The status the double answers a create with, as the Twilio SDK would send it. */
    private int createMessage() {
        return given().baseUri(twilio.baseUrl())
                .auth()
                .preemptive()
                .basic(TwilioDouble.ACCOUNT_SID, TwilioDouble.AUTH_TOKEN)
                .formParam("To", "+16045550123")
                .formParam("From", TwilioDouble.FROM)
                .formParam("Body", "test")
                .post(TwilioDouble.MESSAGES_PATH)
                .then()
                .extract()
                .statusCode();
    }
}
