package io.aftercare.reply;

import static io.aftercare.reply.ReplyFixtures.EMPTY_TWIML;
import static io.aftercare.reply.ReplyFixtures.clientWithSession;
import static io.aftercare.reply.ReplyFixtures.nextPhone;
import static io.aftercare.reply.ReplyFixtures.texts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioInbound;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inbound webhook against what a client (or a replayed request) can put in a text. */
@AftercareTest
class ReplyInboxAttackTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");

    @Inject
    TestClock clock;

    @Test
    void shouldKeepALongReplyInEmojiOrAnotherScriptWhole() {
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        clientWithSession(phone, NOON.minusHours(1));
        // 1,600 characters, Twilio's longest inbound text, but over 2 KB once in UTF-8.
        String body = "my scalp is bleeding " + "😱".repeat(400) + "очень больно ".repeat(60);
        body = body.substring(0, 1_600);
        String sid = TwilioInbound.newMessageSid();

        inUtf8(sid, phone, body).statusCode(200).body(equalTo(EMPTY_TWIML));

        Reply stored = Reply.<Reply>find("messageSid", sid).singleResult();
        assertThat(stored.body).isEqualTo(body);
        assertThat(stored.category).isEqualTo(ReplyCategory.URGENT);
    }

    @Test
    void shouldNeverPutTheClientsWordsInTheTwimlAnswer() {
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        clientWithSession(phone, NOON.minusHours(1));

        TwilioInbound.text(phone, "</Message></Response><Response><Redirect>https://evil.example/</Redirect>")
                .statusCode(200)
                .body(equalTo(EMPTY_TWIML));
        TwilioInbound.text(phone, "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>&x;")
                .statusCode(200)
                .body(equalTo(EMPTY_TWIML));
    }

    @Test
    void shouldKeepTheFirstBodyWhenAMessageSidComesBackWithAnother() {
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        String client = clientWithSession(phone, NOON.minusHours(1));
        String sid = TwilioInbound.newMessageSid();

        TwilioInbound.text(sid, phone, "Thanks, all fine").statusCode(200);
        TwilioInbound.text(sid, phone, "it is bleeding").statusCode(200).body(equalTo(EMPTY_TWIML));
        TwilioInbound.text(sid, phone, "STOP").statusCode(200).body(equalTo(EMPTY_TWIML));

        assertThat(Reply.<Reply>list("messageSid", sid)).singleElement().satisfies(reply -> {
            assertThat(reply.body).isEqualTo("Thanks, all fine");
            assertThat(reply.category).isEqualTo(ReplyCategory.OTHER);
        });
        assertThat(texts(Sessions.CLINIC_KEY, client, "URGENT_ANSWER")).isEmpty();
    }

    @Test
    void shouldKeepATextHoldingANulOrControlCharacters() {
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        clientWithSession(phone, NOON.minusHours(1));
        String sid = TwilioInbound.newMessageSid();

        inUtf8(sid, phone, "blee\u0000ding\u0007").statusCode(200);

        Reply stored = Reply.<Reply>find("messageSid", sid).singleResult();
        assertThat(stored.body).doesNotContain("\u0000");
        assertThat(stored.category).isEqualTo(ReplyCategory.URGENT);
    }

    // Twilio posts UTF-8; RestAssured's form default is ISO-8859-1, which cannot carry emoji or Cyrillic.
    private static ValidatableResponse inUtf8(String sid, String phone, String body) {
        Map<String, String> form = TwilioInbound.form(sid, phone, body);
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form)
                .header("X-Twilio-Signature", TwilioDouble.signature(TwilioInbound.URL, form))
                .post("/v1/twilio/inbound")
                .then();
    }
}
