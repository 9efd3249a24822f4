package io.aftercare.twilio;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Twilio's delivery receipts, signed, possibly repeated and out of order, move a text forward only. */
@AftercareTest
class TwilioWebhookResourceTest {

    private static final String STATUS_URL = TwilioDouble.WEBHOOK_BASE_URL + "/v1/twilio/status";
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");
    /** Numbers of their own, so that no other test's opt-out or failure rule touches these texts. */
    private static final AtomicInteger NUMBERS = new AtomicInteger(900);

    @Inject
    TestClock clock;

    @InjectTwilioDouble
    TwilioDouble twilio;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private Map<String, Object> session;
    private String sessionId;
    private String messageSid;

    @BeforeEach
    void sendOneText() {
        clock.setNow(NOON.plusMinutes(1).toInstant());
        session = Sessions.post(NOON);
        String phone = "+1604555%04d".formatted(NUMBERS.incrementAndGet());
        Sessions.client(session).put("phone", phone);
        sessionId = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        messageSid = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> given().auth()
                                .oauth2(Sessions.CLINIC_KEY)
                                .get("/v1/sessions/" + sessionId)
                                .then()
                                .extract()
                                .<String>path("reminders[0].providerId"),
                        sid -> sid != null);
        assertThat(twilio.messagesTo(phone))
                .last()
                .satisfies(form -> assertThat(form).containsEntry("StatusCallback", STATUS_URL));
    }

    @Test
    void shouldMarkATextDeliveredAndKeepItSoWhateverComesLater() {
        callback("queued", null).statusCode(204);
        firstText().body("status", equalTo("SENT")).body("providerStatus", equalTo("queued"));

        callback("delivered", null).statusCode(204);
        callback("sent", null).statusCode(204);
        callback("delivered", null).statusCode(204);
        callback("failed", "30003").statusCode(204);

        firstText().body("status", equalTo("DELIVERED")).body("providerStatus", equalTo("delivered"));
    }

    @ParameterizedTest(name = "{0} with error {1}")
    @CsvSource({
        "undelivered, 30003, '30003: the handset is unreachable (undelivered)'",
        "failed, 30007, '30007: filtered by the carrier as spam (failed)'",
        "failed, 30410, 'Twilio error 30410 (failed)'"
    })
    void shouldFailATextTwilioCouldNotDeliverWithTheReason(String status, String errorCode, String error) {
        callback("sent", null).statusCode(204);
        callback(status, errorCode).statusCode(204);
        callback("delivered", null).statusCode(204);

        firstText()
                .body("status", equalTo("FAILED"))
                .body("error", equalTo(error))
                .body("providerStatus", equalTo(status));
    }

    @Test
    void shouldOptTheNumberOutWhenAReceiptSaysItUnsubscribed() {
        callback("sent", null).statusCode(204);
        callback("undelivered", "21610").statusCode(204);

        firstText()
                .body("status", equalTo("FAILED"))
                .body("error", equalTo("21610: the recipient has opted out (replied STOP) (undelivered)"));
        // As when Twilio refuses a create with 21610: no clinic texts the number until it replies START.
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clients/" + Sessions.client(session).get("id") + "/reminders")
                .then()
                .statusCode(200)
                .body("optedOut", equalTo(true));
    }

    @Test
    void shouldPauseEveryClinicWhenAReceiptSaysTheAccountIsSuspended() {
        TestClinics.Clinic other = TestClinics.create("Same Account Studio");

        callback("failed", "30002").statusCode(204);

        firstText().body("status", equalTo("FAILED"));
        given().port(management.getPort())
                .get("/q/health/well")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'sms-sending' }.data.account", equalTo("paused"));
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .get("/admin/v1/clinics/" + other.id() + "/sending-pause")
                .then()
                .statusCode(200)
                .body("scope", equalTo("ACCOUNT"))
                .body("reason", equalTo("30002: the Twilio account is suspended"));
    }

    @Test
    void shouldRefuseACallbackWithoutAValidSignatureAndChangeNothing() {
        Map<String, String> form = form("delivered", null);

        given().contentType(ContentType.URLENC)
                .formParams(form)
                .post("/v1/twilio/status")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.URLENC)
                .formParams(form)
                .header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")
                .post("/v1/twilio/status")
                .then()
                .statusCode(403);
        Map<String, String> tampered = new LinkedHashMap<>(form);
        tampered.put("MessageStatus", "failed");
        given().contentType(ContentType.URLENC)
                .formParams(tampered)
                .header("X-Twilio-Signature", TwilioDouble.signature(STATUS_URL, form))
                .post("/v1/twilio/status")
                .then()
                .statusCode(403);

        firstText().body("status", equalTo("SENT")).body("providerId", matchesPattern("SM[0-9a-fA-F]{32}"));
    }

    private ValidatableResponse callback(String status, String errorCode) {
        Map<String, String> form = form(status, errorCode);
        return signed(form).post("/v1/twilio/status").then();
    }

    private Map<String, String> form(String status, String errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", TwilioDouble.ACCOUNT_SID);
        form.put("MessageSid", messageSid);
        form.put("SmsSid", messageSid);
        form.put("MessageStatus", status);
        form.put("SmsStatus", status);
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        return form;
    }

    private static RequestSpecification signed(Map<String, String> form) {
        return given().contentType(ContentType.URLENC)
                .formParams(form)
                .header("X-Twilio-Signature", TwilioDouble.signature(STATUS_URL, form));
    }

    private ValidatableResponse firstText() {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/sessions/" + sessionId)
                .then()
                .statusCode(200)
                .rootPath("reminders[0]");
    }
}
