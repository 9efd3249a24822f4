package io.aftercare.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClinics.Clinic;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.aftercare.support.TwilioInbound;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole loop of issue 13, through the real parts: a worried client's text, posted signed as Twilio posts it, is kept
 * as urgent, answered once with the plan's safety text through the Twilio double, and told to the clinic's system as a
 * signed {@code reply.received} event on a loopback receiver. It runs in the default test application: the plan as
 * shipped, safety text and all, the dispatch and webhook jobs every second (well within the waits below), and plain
 * http to 127.0.0.1 allowed; a profile of its own would cost the suite a Quarkus start.
 */
@AftercareTest
class UrgentReplyEndToEndTest {

    private static final String WORRY = "my scalp is bleeding and hot";
    private static final String SAFETY_WORDS = "needs to be seen today";

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
    void shouldKeepAnswerAndTellTheClinicOfAnUrgentReply() {
        Clinic clinic = TestClinics.create();
        String secret = TestClinics.registerWebhook(clinic, receiver.url("/clinic-system"), List.of("reply.received"))
                .path("secret");
        String phone = "+16045559301";
        Map<String, Object> session =
                Sessions.post(OffsetDateTime.now(ZoneOffset.UTC).minusHours(2));
        Sessions.client(session).put("phone", phone);
        given().auth()
                .oauth2(clinic.key())
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(201);
        String clientId = (String) Sessions.client(session).get("id");

        TwilioInbound.text(phone, WORRY).statusCode(200);

        JsonPath urgent = replies(clinic, "URGENT");
        assertThat(urgent.getList("replies")).hasSize(1);
        assertThat(urgent.getString("replies[0].body")).isEqualTo(WORRY);
        await().atMost(Duration.ofSeconds(10)).until(() -> safetyTextsTo(phone).size() == 1);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> receiver.at("/clinic-system").size() == 1);
        WebhookReceiver.Received event = receiver.at("/clinic-system").get(0);
        assertThat(SignatureCheck.verifies(
                        secret,
                        event.header("webhook-id"),
                        event.header("webhook-timestamp"),
                        event.body(),
                        event.header("webhook-signature")))
                .isTrue();
        JsonPath body = JsonPath.from(event.body());
        assertThat(body.getString("type")).isEqualTo("reply.received");
        assertThat(body.getString("data.category")).isEqualTo("URGENT");
        assertThat(body.getString("data.body")).isEqualTo(WORRY);
        assertThat(body.getString("data.replyId")).isEqualTo(urgent.getString("replies[0].id"));
        assertThat(event.body()).doesNotContain(phone.substring(2));

        // A second worried text within 12 hours is kept and told, but not answered again.
        TwilioInbound.text(phone, "still bleeding").statusCode(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> receiver.at("/clinic-system").size() == 2);
        assertThat(replies(clinic, "URGENT").getList("replies")).hasSize(2);
        assertThat(urgentAnswers(clinic, clientId)).hasSize(1);
        assertThat(safetyTextsTo(phone)).hasSize(1);
    }

    private List<String> safetyTextsTo(String phone) {
        return twilio.messagesTo(phone).stream()
                .map(form -> form.get("Body"))
                .filter(text -> text.contains(SAFETY_WORDS))
                .toList();
    }

    /** The safety answers recorded for the client; recorded when the reply is received, not when sent. */
    private static List<Object> urgentAnswers(Clinic clinic, String clientId) {
        return given().auth()
                .oauth2(clinic.key())
                .get("/v1/clients/" + clientId + "/conversation")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entries.findAll { it.type == 'TEXT' && it.text.kind == 'URGENT_ANSWER' }");
    }

    private static JsonPath replies(Clinic clinic, String category) {
        return given().auth()
                .oauth2(clinic.key())
                .queryParams(Map.of("status", "open", "category", category))
                .get("/v1/replies")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
