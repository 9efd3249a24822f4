package io.aftercare.reply;

import static io.aftercare.reply.ReplyFixtures.EMPTY_TWIML;
import static io.aftercare.reply.ReplyFixtures.SAFETY_WORDS;
import static io.aftercare.reply.ReplyFixtures.clientWithSession;
import static io.aftercare.reply.ReplyFixtures.clinicId;
import static io.aftercare.reply.ReplyFixtures.newClinic;
import static io.aftercare.reply.ReplyFixtures.nextPhone;
import static io.aftercare.reply.ReplyFixtures.texts;
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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** What a client texts back is kept once, attributed to the right clinic, triaged, and answered when urgent. */
@AftercareTest
class ReplyInboxTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");

    @Inject
    TestClock clock;

    @InjectTwilioDouble
    TwilioDouble twilio;

    @Test
    void shouldKeepARepeatedMessageSidOnceAndAnswerItOnce() {
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        clientWithSession(phone, NOON.minusHours(1));
        String sid = TwilioInbound.newMessageSid();

        TwilioInbound.text(sid, phone, "Thanks, all fine").statusCode(200).body(equalTo(EMPTY_TWIML));
        TwilioInbound.text(sid, phone, "Thanks, all fine").statusCode(200).body(equalTo(EMPTY_TWIML));
        assertThat(Reply.count("messageSid", sid)).isEqualTo(1);

        // HELP is Twilio's to answer by default (aftercare.twilio.answer-help): kept once, answered by nobody here.
        String help = TwilioInbound.newMessageSid();
        TwilioInbound.text(help, phone, "HELP").statusCode(200).body(equalTo(EMPTY_TWIML));
        TwilioInbound.text(help, phone, "HELP").statusCode(200).body(equalTo(EMPTY_TWIML));
        assertThat(Reply.count("messageSid", help)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAForgedReplyAndKeepNothing() {
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        clientWithSession(phone, NOON.minusHours(1));
        String sid = TwilioInbound.newMessageSid();
        Map<String, String> form = TwilioInbound.form(sid, phone, "it is bleeding");
        Map<String, String> signed = TwilioInbound.form(sid, phone, "thanks");

        given().contentType(ContentType.URLENC)
                .formParams(form)
                .header("X-Twilio-Signature", TwilioDouble.signature(TwilioInbound.URL, signed))
                .post("/v1/twilio/inbound")
                .then()
                .statusCode(403);
        given().contentType(ContentType.URLENC)
                .formParams(form)
                .post("/v1/twilio/inbound")
                .then()
                .statusCode(403);

        assertThat(Reply.count("messageSid", sid)).isZero();
    }

    @Test
    void shouldAnswerAnUrgentReplyOnceWithTheSafetyText() {
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        String client = clientWithSession(phone, NOON.minusHours(1));
        String sid = TwilioInbound.newMessageSid();

        TwilioInbound.text(sid, phone, "my scalp is bleeding and hot")
                .statusCode(200)
                .body(equalTo(EMPTY_TWIML));

        Reply stored = Reply.<Reply>find("messageSid", sid).singleResult();
        assertThat(stored.category).isEqualTo(ReplyCategory.URGENT);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(safetyTextsTo(phone))
                        .hasSize(1)
                        .allSatisfy(body -> assertThat(body).startsWith("Test Clinic: Hi Sam,")));
        assertThat(texts(Sessions.CLINIC_KEY, client, "URGENT_ANSWER"))
                .singleElement()
                .satisfies(text -> assertThat(text.get("inReplyTo")).isEqualTo(stored.id.toString()));

        clock.setNow(NOON.plusHours(11).toInstant());
        TwilioInbound.text(phone, "STILL BLEEDING!!").statusCode(200);

        assertThat(texts(Sessions.CLINIC_KEY, client, "URGENT_ANSWER")).hasSize(1);
    }

    @Test
    void shouldAnswerAgainAfterTwelveHours() {
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        String client = clientWithSession(phone, NOON.minusHours(1));
        TwilioInbound.text(phone, "bleeding").statusCode(200);

        clock.setNow(NOON.plusHours(12).plusMinutes(1).toInstant());
        TwilioInbound.text(phone, "saignement").statusCode(200);

        assertThat(texts(Sessions.CLINIC_KEY, client, "URGENT_ANSWER")).hasSize(2);
    }

    @Test
    void shouldAnswerAnUrgentReplyInTheQuietHours() {
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        clientWithSession(phone, NOON.minusHours(1));
        // 02:00 on the client's clock, inside the clinic's quiet hours (21:00 to 08:00).
        clock.setNow(NOON.plusHours(14).toInstant());

        TwilioInbound.text(phone, "There's pus and it's hot").statusCode(200);

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(safetyTextsTo(phone)).hasSize(1));
    }

    @Test
    void shouldAnswerOnceWhenTwoUrgentRepliesComeTogether() throws Exception {
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        String client = clientWithSession(phone, NOON.minusHours(1));
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<Integer>> posts = List.of("bleeding", "fever").stream()
                .map(words -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return TwilioInbound.text(phone, words).extract().statusCode();
                }))
                .toList();
        start.countDown();

        assertThat(posts).allSatisfy(post -> assertThat(post.get()).isEqualTo(200));
        assertThat(texts(Sessions.CLINIC_KEY, client, "URGENT_ANSWER")).hasSize(1);
    }

    @Test
    void shouldHoldTheAnswerToANumberThatOptedOutAndKeepStopAsAKeyword() {
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        String client = clientWithSession(phone, NOON.minusHours(1));
        String stop = TwilioInbound.newMessageSid();

        TwilioInbound.text(stop, phone, "STOP").statusCode(200).body(equalTo(EMPTY_TWIML));
        Reply stored = Reply.<Reply>find("messageSid", stop).singleResult();
        assertThat(stored.category).isEqualTo(ReplyCategory.KEYWORD);
        assertThat(stored.keyword).isEqualTo("OPT_OUT");
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clients/" + client + "/reminders")
                .then()
                .statusCode(200)
                .body("optedOut", equalTo(true));

        TwilioInbound.text(phone, "it's bleeding").statusCode(200);

        assertThat(texts(Sessions.CLINIC_KEY, client, "URGENT_ANSWER"))
                .singleElement()
                .satisfies(text -> assertThat(text.get("status")).isEqualTo("HELD"));
        assertThat(safetyTextsTo(phone)).isEmpty();
    }

    @Test
    void shouldGiveAReplyToTheClinicWhoseAftercareIsUnderWay() {
        String earlierKey = newClinic("Earlier Studio " + UUID.randomUUID());
        String currentKey = newClinic("Current Studio " + UUID.randomUUID());
        String phone = nextPhone();
        String onlyEarlier = nextPhone();
        // The earlier clinic texted both numbers 200 days ago: its aftercare is long over.
        OffsetDateTime longAgo = NOON.minusDays(200);
        clock.setNow(longAgo.toInstant());
        clientWithSession(earlierKey, phone, longAgo.minusHours(1));
        clientWithSession(earlierKey, onlyEarlier, longAgo.minusHours(1));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !twilio.messagesTo(phone).isEmpty()
                        && !twilio.messagesTo(onlyEarlier).isEmpty());
        clock.setNow(NOON.toInstant());
        clientWithSession(currentKey, phone, NOON.minusHours(1));

        String sid = TwilioInbound.newMessageSid();
        TwilioInbound.text(sid, phone, "Thanks!").statusCode(200);
        String fallback = TwilioInbound.newMessageSid();
        TwilioInbound.text(fallback, onlyEarlier, "Thanks!").statusCode(200);
        String unknown = TwilioInbound.newMessageSid();
        TwilioInbound.text(unknown, nextPhone(), "who is this?").statusCode(200);

        assertThat(Reply.<Reply>list("messageSid", sid)).singleElement().satisfies(reply -> {
            assertThat(reply.clinicId).hasToString(clinicId(currentKey));
            assertThat(reply.sessionId).isNotNull();
        });
        assertThat(Reply.<Reply>list("messageSid", fallback)).singleElement().satisfies(reply -> {
            assertThat(reply.clinicId).hasToString(clinicId(earlierKey));
            assertThat(reply.clientId).isNotNull();
            assertThat(reply.sessionId).isNull();
        });
        assertThat(Reply.<Reply>list("messageSid", unknown))
                .singleElement()
                .satisfies(reply -> assertThat(reply.clinicId).isNull());
        assertThat(listedBodies(earlierKey)).containsExactly("Thanks!");
        assertThat(listedBodies(currentKey)).containsExactly("Thanks!");
    }

    @Test
    void shouldGiveAReplyToEveryClinicWhoseAftercareIsUnderWay() {
        String otherKey = newClinic("Second Studio " + UUID.randomUUID());
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        clientWithSession(phone, NOON.minusHours(2));
        clientWithSession(otherKey, phone, NOON.minusHours(1));
        String sid = TwilioInbound.newMessageSid();

        TwilioInbound.text(sid, phone, "is this redness normal?").statusCode(200);

        assertThat(Reply.<Reply>list("messageSid", sid))
                .extracting(reply -> reply.clinicId.toString())
                .containsExactlyInAnyOrder(clinicId(Sessions.CLINIC_KEY), clinicId(otherKey));
    }

    private static List<String> listedBodies(String clinicKey) {
        return given().auth()
                .oauth2(clinicKey)
                .get("/v1/replies")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("replies.body");
    }

    private List<String> safetyTextsTo(String phone) {
        return twilio.messagesTo(phone).stream()
                .map(form -> form.get("Body"))
                .filter(body -> body.contains(SAFETY_WORDS))
                .toList();
    }
}
