package io.aftercare.dispatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.aftercare.webhook.WebhookProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A posted session's texts reach Twilio (the local double) when they fall due, and their outcome is recorded. It runs
 * in the webhook tests' application: {@link WebhookProfile} is {@link FastPlanProfile} plus webhook timings that no test
 * here uses, and each profile costs the suite a Quarkus start.
 */
@AftercareTest
@TestProfile(WebhookProfile.class)
class DispatchEndToEndTest {

    @InjectTwilioDouble
    TwilioDouble twilio;

    @BeforeEach
    void sendAtAnyHour() {
        // Texts here fall due seconds after the post, whatever the hour in Vancouver when the test runs.
        Sessions.settings(null, List.of());
    }

    @Test
    void shouldSendEachDueTextToTwilioWithTheRightToFromAndBody() {
        String phone = "+16045550161";
        String id = postSession(phone, "en");

        JsonPath session = awaitReminders(id, "SENT", "SENT", "SENT");

        List<Map<String, String>> sent = twilio.messagesTo(phone);
        assertThat(sent)
                .extracting(form -> form.get("Body"))
                .containsExactly(
                        "Test Clinic: Hi Sam, keep your scalp dry today.",
                        "Test Clinic: Hi Sam, rinse gently with warm water and moisturise. Ça va ? 😊",
                        "Test Clinic: Hi Sam, the gym is back.");
        assertThat(sent).allSatisfy(form -> assertThat(form).containsEntry("From", TwilioDouble.FROM));
        assertThat(session.getList("reminders.providerId", String.class))
                .allSatisfy(sid -> assertThat(sid).matches("SM[0-9a-fA-F]{32}"))
                .doesNotHaveDuplicates();
        for (int i = 0; i < 3; i++) {
            Instant dueAt = Instant.parse(session.getString("reminders[" + i + "].dueAt"));
            Instant sentAt = Instant.parse(session.getString("reminders[" + i + "].sentAt"));
            assertThat(sentAt).as("step %d is not sent early", i).isAfterOrEqualTo(dueAt);
        }
    }

    @Test
    void shouldFormEncodeAccentsAndEmojiAsUtf8() {
        String phone = "+16045550162";
        String id = postSession(phone, "fr");

        awaitReminders(id, "SENT", "SENT", "SENT");

        List<LoggedRequest> requests = twilio.messageRequests().stream()
                .filter(request -> phone.equals(TwilioDouble.form(request).get("To")))
                .toList();
        assertThat(requests)
                .hasSize(3)
                .allSatisfy(request -> assertThat(request.getHeader("Content-Type"))
                        .isEqualToIgnoringCase("application/x-www-form-urlencoded; charset=UTF-8"));
        assertThat(requests.get(1).getBodyAsString())
                .contains("Body=Test+Clinic+%3A+Bonjour+Sam%2C+rincez+%C3%A0+l%27eau");
    }

    @Test
    void shouldRecordAPermanentTwilioErrorOnTheTextAndNotRetryIt() {
        twilio.failWith(400, 21614, "To number: +16045550163, is not a mobile number");
        String phone = "+16045550163";
        String id = postSession(phone, "en");

        JsonPath session = awaitReminders(id, "FAILED", "FAILED", "FAILED");

        assertThat(session.getList("reminders.error", String.class))
                .containsOnly("21614: the 'To' number is not a mobile number");
        assertThat(twilio.messagesTo(phone)).hasSize(3);
    }

    private static String postSession(String phone, String locale) {
        Map<String, Object> session = Sessions.post(OffsetDateTime.now());
        Sessions.client(session).put("phone", phone);
        Sessions.client(session).put("locale", locale);
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(session)
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static JsonPath awaitReminders(String id, String... statuses) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> given().auth()
                                .oauth2(Sessions.CLINIC_KEY)
                                .get("/v1/sessions/" + id)
                                .jsonPath(),
                        session -> session.getList("reminders.status").equals(List.of(statuses)));
    }
}
