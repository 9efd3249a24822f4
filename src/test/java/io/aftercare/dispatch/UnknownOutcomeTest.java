package io.aftercare.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.aftercare.reminder.ReminderClaims;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A text whose first attempt may have reached Twilio is sent again only once Twilio says it has no such message. */
@AftercareTest
@TestProfile(RetryEndToEndTest.FastRetries.class)
class UnknownOutcomeTest {

    private static final String FIRST_TEXT = "Test Clinic: Hi Sam, keep your scalp dry today.";
    private static final String LAST_TEXT = "Test Clinic: Hi Sam, the gym is back.";
    private static final String ACCEPTED_SID = "SM00000000000000000000000000000abc";
    private static final String ACCEPTED_BEFORE_CRASH_SID = "SM00000000000000000000000000000def";

    @Inject
    ReminderClaims claims;

    @Inject
    TestClock clock;

    @InjectTwilioDouble
    TwilioDouble twilio;

    @Test
    void shouldNotResendATextTwilioAcceptedBeforeTheConnectionBroke() {
        Sessions.settings(null, List.of());
        String phone = "+16045550191";
        twilio.dropConnection();
        twilio.listsMessage(phone, FIRST_TEXT, ACCEPTED_SID);

        String id = Sessions.postFor(phone, OffsetDateTime.now());

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> Sessions.reminder(id, 0)
                        .body("status", equalTo("SENT"))
                        .body("providerId", equalTo(ACCEPTED_SID)));
        assertThat(creates(phone)).filteredOn(FIRST_TEXT::equals).hasSize(1);
    }

    @Test
    void shouldResendWhenTwilioHasNoTraceOfTheText() {
        Sessions.settings(null, List.of());
        String phone = "+16045550192";
        twilio.dropConnectionOnce(phone);
        twilio.listsNothing();

        String id = Sessions.postFor(phone, OffsetDateTime.now());

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> Sessions.reminder(id, 0)
                        .body("status", equalTo("SENT"))
                        .body("providerId", not(equalTo(ACCEPTED_SID))));
        assertThat(creates(phone)).filteredOn(FIRST_TEXT::equals).hasSize(2);
        assertThat(twilio.listRequests()).isNotEmpty();
    }

    @Test
    void shouldSendAfterATimeoutOnceTwilioShowsNoSuchMessage() {
        Sessions.settings(null, List.of());
        String phone = "+16045550194";
        twilio.slowOnce(phone, Duration.ofSeconds(3));
        twilio.listsNothing();

        String id = Sessions.postFor(phone, OffsetDateTime.now());

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> Sessions.reminder(id, 0).body("status", equalTo("SENT")));
        assertThat(creates(phone)).filteredOn(FIRST_TEXT::equals).hasSize(2);
    }

    @Test
    void shouldAskTwilioBeforeResendingTheTextsOfANodeThatDiedMidSend() {
        Sessions.settings(null, List.of());
        String phone = "+16045550193";
        Instant posted = clock.instant();
        String id = Sessions.postFor(phone, OffsetDateTime.now());

        // A node claims the last text once it falls due, a minute on, and dies before it can record anything.
        Instant lastDue = posted.plusSeconds(61);
        assertThat(claims.claimDue("dead-node", 500, lastDue, Duration.ofSeconds(5)))
                .anySatisfy(claimed ->
                        assertThat(List.of(claimed.to(), claimed.body())).containsExactly(phone, LAST_TEXT));
        twilio.listsMessage(phone, LAST_TEXT, ACCEPTED_BEFORE_CRASH_SID, lastDue);
        clock.setNow(lastDue.plusSeconds(10));
        claims.releaseExpired(clock.instant());

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> Sessions.reminder(id, 2)
                        .body("status", equalTo("SENT"))
                        .body("providerId", equalTo(ACCEPTED_BEFORE_CRASH_SID)));
        assertThat(creates(phone)).doesNotContain(LAST_TEXT);
    }

    private List<String> creates(String phone) {
        return twilio.messagesTo(phone).stream().map(form -> form.get("Body")).toList();
    }
}
