package io.aftercare.dispatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.aftercare.reminder.ReminderClaims;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures that may pass are retried with backoff, one HTTP request per try, until sent, given up or expired. */
@AftercareTest
@TestProfile(RetryEndToEndTest.FastRetries.class)
class RetryEndToEndTest {

    private static final String FIRST_TEXT = "Test Clinic: Hi Sam, keep your scalp dry today.";

    public static class FastRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(new FastPlanProfile().getConfigOverrides());
            // Steps 30 s apart: a text's retries never run into its expiry unless a test moves the clock on.
            config.put("aftercare.plan.location", "src/test/resources/plans/retry-plan.json");
            config.put("aftercare.dispatch.retry-delay", "100ms");
            config.put("aftercare.dispatch.max-retry-delay", "400ms");
            config.put("aftercare.dispatch.max-attempts", "6");
            config.put("aftercare.twilio.response-timeout", "1s");
            return config;
        }
    }

    @Inject
    Dispatcher dispatcher;

    @Inject
    ReminderClaims claims;

    @Inject
    TestClock clock;

    @InjectTwilioDouble
    TwilioDouble twilio;

    @BeforeEach
    void sendAtAnyHour() {
        Sessions.settings(null, List.of());
    }

    @Test
    void shouldSendAfterServerErrorsWithOneRequestPerTry() {
        twilio.failNext(new int[][] {{503, 20503}, {500, 20500}});
        String phone = "+16045550181";

        String id = Sessions.postFor(phone, OffsetDateTime.now());

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> Sessions.reminder(id, 0).body("status", equalTo("SENT")));
        assertThat(bodiesTo(phone)).filteredOn(FIRST_TEXT::equals).hasSize(3);
    }

    @Test
    void shouldSendAfterBeingRateLimited() {
        twilio.failNext(new int[][] {{429, 20429}});
        String phone = "+16045550182";

        String id = Sessions.postFor(phone, OffsetDateTime.now());

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> Sessions.reminder(id, 0).body("status", equalTo("SENT")));
        assertThat(bodiesTo(phone)).filteredOn(FIRST_TEXT::equals).hasSize(2);
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        twilio.failWithBareStatus(503);
        String phone = "+16045550183";

        String id = Sessions.postFor(phone, OffsetDateTime.now());

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> Sessions.reminder(id, 0)
                        .body("status", equalTo("FAILED"))
                        .body("error", startsWith("gave up after 6 attempts; outcome unknown; http-503")));
        assertThat(bodiesTo(phone)).filteredOn(FIRST_TEXT::equals).hasSize(6);
    }

    @Test
    void shouldNotBringBackATextWhoseSessionWasCancelledWhileItWasBeingSent() {
        twilio.failSlowly(503, Duration.ofSeconds(1));
        String phone = "+16045550185";
        String id = Sessions.postFor(phone, OffsetDateTime.now());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> Sessions.reminder(id, 0).body("status", equalTo("SENDING")));

        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .delete("/v1/sessions/" + id)
                .then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> Sessions.reminder(id, 0).body("status", equalTo("CANCELLED")));
        int tries = bodiesTo(phone).size();
        dispatcher.drain("test-node");
        assertThat(bodiesTo(phone)).hasSize(tries);
    }

    @Test
    void shouldExpireATextStillRetryingWhenItsAdviceNoLongerApplies() {
        twilio.failWithBareStatus(503);
        String phone = "+16045550184";
        String id = Sessions.postFor(phone, OffsetDateTime.now());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> Sessions.reminder(id, 0).body("error", notNullValue()));

        // The next step is due 30 s after the first: a minute on, the first text's advice is out of date.
        clock.setNow(clock.instant().plusSeconds(60));
        claims.expireStale(clock.instant());

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> Sessions.reminder(id, 0).body("status", equalTo("EXPIRED")));
        int triesBefore =
                (int) bodiesTo(phone).stream().filter(FIRST_TEXT::equals).count();
        dispatcher.drain("test-node");
        assertThat(bodiesTo(phone)).filteredOn(FIRST_TEXT::equals).hasSize(triesBefore);
    }

    private List<String> bodiesTo(String phone) {
        return twilio.messagesTo(phone).stream().map(form -> form.get("Body")).toList();
    }
}
