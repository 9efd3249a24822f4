package io.aftercare.pause;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An account-level refusal stops every clinic's sending instead of failing the queue. */
@AftercareTest
class SendingPauseTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");

    @Inject
    TestClock clock;

    @InjectTwilioDouble
    TwilioDouble twilio;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private String clinicId;

    @BeforeEach
    void findClinic() {
        clinicId = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic")
                .then()
                .extract()
                .path("id");
    }

    private RequestSpecification onManagement() {
        return given().port(management.getPort());
    }

    @Test
    void shouldPauseTheClinicOnRefusedCredentialsAndSendTheWaitingTextsOnceResumed() {
        twilio.failWith(401, 20003, "Authenticate");
        String phone = "+16045550195";
        clock.setNow(NOON.plusMinutes(1).toInstant());
        String id = Sessions.postFor(phone, NOON);

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> onManagement()
                        .get("/q/health/well")
                        .then()
                        .statusCode(503)
                        .body("checks.find { it.name == 'sms-sending' }.data.account", equalTo("paused")));
        // Health answers whoever reaches the port: a count, never which clinic or its account's trouble.
        onManagement()
                .get("/q/health/well")
                .then()
                .body(not(containsString(clinicId)))
                .body(not(containsString("20003")));
        Sessions.reminder(id, 0).body("status", equalTo("SCHEDULED"));
        onManagement().get("/q/health/ready").then().statusCode(200);
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .get("/admin/v1/clinics/" + clinicId + "/sending-pause")
                .then()
                .statusCode(200)
                .body("reason", startsWith("20003: Twilio refused the account credentials"));
        int refused = twilio.messagesTo(phone).size();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> twilio.messagesTo(phone).size() == refused);
        assertThat(refused).isEqualTo(1);

        twilio.acceptEverything();
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .delete("/admin/v1/clinics/" + clinicId + "/sending-pause")
                .then()
                .statusCode(204);

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> Sessions.reminder(id, 0).body("status", equalTo("SENT")));
        onManagement()
                .get("/q/health/well")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'sms-sending' }.data.pausedClinics", equalTo(0));
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .delete("/admin/v1/clinics/" + clinicId + "/sending-pause")
                .then()
                .statusCode(404);
    }
}
