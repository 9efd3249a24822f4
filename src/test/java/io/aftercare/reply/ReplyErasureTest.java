package io.aftercare.reply;

import static io.aftercare.reply.ReplyFixtures.clientWithSession;
import static io.aftercare.reply.ReplyFixtures.nextPhone;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioInbound;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** A reply is personal data: erasing the client erases its words and number. */
@AftercareTest
class ReplyErasureTest {

    /** Late evening: the session's texts wait for the morning, so none is being sent when the erasure comes. */
    private static final OffsetDateTime LATE_EVENING = OffsetDateTime.parse("2026-11-02T22:30:00-08:00");

    @Inject
    TestClock clock;

    @Test
    void shouldEraseTheBodyAndNumberOfTheClientsReplies() {
        clock.setNow(LATE_EVENING.plusMinutes(5).toInstant());
        String phone = nextPhone();
        String client = clientWithSession(phone, LATE_EVENING);
        String sid = TwilioInbound.newMessageSid();
        TwilioInbound.text(sid, phone, "my scalp is bleeding").statusCode(200);

        // The urgent reply's safety answer goes out at once (the node wakes for it), and while it is in flight the
        // erasure answers 409 with Retry-After and erases nothing: retried as a clinic's system would.
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().auth()
                        .oauth2(Sessions.CLINIC_KEY)
                        .delete("/v1/clients/" + client)
                        .then()
                        .statusCode(200)
                        .body("replies", equalTo(1)));

        Reply reply = Reply.<Reply>find("messageSid", sid).singleResult();
        assertThat(reply.body).isEmpty();
        assertThat(reply.fromPhone).isEmpty();
        assertThat(reply.erasedAt).isNotNull();
        assertThat(reply.category).isEqualTo(ReplyCategory.URGENT);
    }
}
