package io.aftercare.reply;

import static io.aftercare.reply.ReplyFixtures.clientWithSession;
import static io.aftercare.reply.ReplyFixtures.conversation;
import static io.aftercare.reply.ReplyFixtures.nextPhone;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.aftercare.support.TwilioInbound;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A clinic texts a client in its own words, through the dispatcher, and sees it beside the client's replies. */
@AftercareTest
class ClientMessageTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");

    @Inject
    TestClock clock;

    @InjectTwilioDouble
    TwilioDouble twilio;

    @Test
    void shouldSendTheClinicsTextAndShowItInTheConversation() {
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        String client = clientWithSession(phone, NOON.minusHours(1));
        TwilioInbound.text(phone, "can I wash it today?").statusCode(200);
        String replyId = (String)
                ReplyFixtures.replies(Sessions.CLINIC_KEY, client).get(0).get("id");

        String textId = message(client, Map.of("body", "Not yet, Sam: wait until day 4.", "inReplyTo", replyId))
                .statusCode(202)
                .body("kind", equalTo("MANUAL"))
                .body("status", equalTo("SCHEDULED"))
                .body("inReplyTo", equalTo(replyId))
                .extract()
                .path("id");

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(twilio.messagesTo(phone))
                        .extracting(form -> form.get("Body"))
                        .contains("Test Clinic: Not yet, Sam: wait until day 4."));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonPath timeline = conversation(Sessions.CLINIC_KEY, client);
            List<String> entries = timeline.getList("entries.collect { it.type == 'REPLY' ? 'REPLY' : it.text.kind }");
            assertThat(entries).containsSubsequence("REPLY", "MANUAL").contains("PLAN");
            assertThat(timeline.<String>getList("entries.findAll { it.text?.kind == 'MANUAL' }.text.status"))
                    .singleElement()
                    .isIn("SENT", "DELIVERED");
            assertThat(timeline.<String>getList("entries.findAll { it.text?.kind == 'MANUAL' }.text.id"))
                    .containsExactly(textId);
        });
    }

    @Test
    void shouldWaitForTheMorningUnlessTheClientJustWrote() {
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        String client = clientWithSession(phone, NOON.minusHours(1));
        OffsetDateTime lateEvening = NOON.plusHours(11);
        clock.setNow(lateEvening.toInstant());

        String dueAt = message(client, Map.of("body", "How is it healing?"))
                .statusCode(202)
                .extract()
                .path("dueAt");
        assertThat(Instant.parse(dueAt)).isEqualTo(NOON.plusHours(20).toInstant());

        TwilioInbound.text(phone, "a bit itchy tonight").statusCode(200);
        message(client, Map.of("body", "Itching is normal; do not scratch."))
                .statusCode(202)
                .extract()
                .path("dueAt");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(twilio.messagesTo(phone))
                        .extracting(form -> form.get("Body"))
                        .contains("Test Clinic: Itching is normal; do not scratch.")
                        .doesNotContain("Test Clinic: How is it healing?"));
    }

    @Test
    void shouldSendTheClinicsTextWithPlainQuotesUnlessTheClinicTurnedThatOff() {
        clock.setNow(NOON.toInstant());
        String client = clientWithSession(nextPhone(), NOON.minusHours(1));

        // A phone's keyboard writes ’ and —: alone they would make the text UCS-2.
        message(client, Map.of("body", "Don’t scratch — it’s normal, Zoë."))
                .statusCode(202)
                .body("body", equalTo("Test Clinic: Don't scratch - it's normal, Zoe."));

        Map<String, Object> off = new HashMap<>();
        off.put("quietHours", Map.of("start", "21:00", "end", "08:00"));
        off.put("smsTransliteration", false);
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(off)
                .put("/v1/clinic/settings")
                .then()
                .statusCode(200);
        message(client, Map.of("body", "Don’t scratch — it’s normal, Zoë."))
                .statusCode(202)
                .body("body", equalTo("Test Clinic: Don’t scratch — it’s normal, Zoë."));
    }

    @Test
    void shouldRefuseABadMessageNamingTheField() {
        clock.setNow(NOON.toInstant());
        String client = clientWithSession(nextPhone(), NOON.minusHours(1));
        String otherPhone = nextPhone();
        String other = clientWithSession(otherPhone, NOON.minusHours(1));

        message(client, Map.of("body", "  ")).statusCode(400).body("errors[0].field", equalTo("body"));
        message(client, Map.of("body", "x".repeat(300))).statusCode(400).body("errors[0].field", equalTo("body"));
        message(client, Map.of("body", "Hi\u0000there")).statusCode(400).body("errors[0].field", equalTo("body"));
        message(client, Map.of("body", "Hi", "inReplyTo", "nope"))
                .statusCode(400)
                .body("errors[0].field", equalTo("inReplyTo"));
        TwilioInbound.text(otherPhone, "hello").statusCode(200);
        String othersReply = (String)
                ReplyFixtures.replies(Sessions.CLINIC_KEY, other).get(0).get("id");
        message(client, Map.of("body", "Hi", "inReplyTo", othersReply))
                .statusCode(400)
                .body("errors[0].field", equalTo("inReplyTo"));
        message("no-such-client", Map.of("body", "Hi")).statusCode(404);
        assertThat(ReplyFixtures.texts(Sessions.CLINIC_KEY, client, "MANUAL")).isEmpty();
    }

    private static ValidatableResponse message(String client, Map<String, String> body) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/v1/clients/" + client + "/messages")
                .then();
    }
}
