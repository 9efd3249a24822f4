package io.aftercare.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.aftercare.sms.FailureKind;
import io.aftercare.sms.OutgoingSms;
import io.aftercare.sms.SendOutcome;
import io.aftercare.support.TwilioDouble;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioSmsGatewayTest {

    private static final String TO = "+16045550123";
    private static final String BODY = "Jour 4 : rincez à l'eau tiède & séchez en tamponnant 😊";
    // Generous: a loaded CI machine must not turn an ordinary answer into a timeout.
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(2_000);

    private static TwilioDouble twilio;
    private TwilioSmsGateway gateway;

    @BeforeAll
    static void startDouble() {
        twilio = new TwilioDouble().start();
    }

    @AfterAll
    static void stopDouble() {
        twilio.stop();
    }

    @BeforeEach
    void createGateway() {
        twilio.acceptEverything();
        gateway = gatewayFrom(new TwilioAccount(
                TwilioDouble.ACCOUNT_SID,
                TwilioDouble.AUTH_TOKEN,
                Optional.of(TwilioDouble.FROM),
                Optional.empty(),
                URI.create(twilio.baseUrl()),
                Optional.empty()));
    }

    @AfterEach
    void closeGateway() {
        gateway.close();
    }

    @Test
    void shouldRehearseASendWithAPeerInTheProcessWithoutReachingTwilio() {
        assertThat(gateway.rehearse()).isTrue();

        assertThat(twilio.messageRequests()).isEmpty();
        // The real client still sends afterwards.
        assertThat(gateway.send(text())).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(twilio.messageRequests()).hasSize(1);
    }

    @Test
    void shouldPostOneFormEncodedMessageWithBasicAuthAndReturnTwiliosSid() {
        SendOutcome outcome = gateway.send(text());

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        SendOutcome.Accepted.class,
                        accepted -> assertThat(accepted.providerId()).matches("SM[0-9a-fA-F]{32}"));
        assertThat(twilio.messageRequests()).hasSize(1);
        LoggedRequest request = twilio.messageRequests().get(0);
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.getHeader("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString((TwilioDouble.ACCOUNT_SID + ":" + TwilioDouble.AUTH_TOKEN)
                                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(TwilioDouble.form(request))
                .containsExactlyInAnyOrderEntriesOf(Map.of("To", TO, "From", TwilioDouble.FROM, "Body", BODY));
    }

    @Test
    void shouldSendThroughTheMessagingServiceWhenOneIsConfigured() {
        String service = "MG0123456789abcdef0123456789abcdef";
        gateway = gatewayFrom(new TwilioAccount(
                TwilioDouble.ACCOUNT_SID,
                TwilioDouble.AUTH_TOKEN,
                Optional.of(TwilioDouble.FROM),
                Optional.of(service),
                URI.create(twilio.baseUrl()),
                Optional.empty()));

        assertThat(gateway.send(text())).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(TwilioDouble.form(twilio.messageRequests().get(0)))
                .containsEntry("MessagingServiceSid", service)
                .doesNotContainKey("From");
    }

    @ParameterizedTest(name = "HTTP {0} is answered once, and checked with Twilio before any retry")
    @CsvSource({"500", "502", "503", "504"})
    void shouldMakeExactlyOneRequestOnAServerError(int status) {
        twilio.failWithBareStatus(status);

        assertThat(gateway.send(text())).isInstanceOfSatisfying(SendOutcome.Rejected.class, rejected -> {
            assertThat(rejected.kind()).isEqualTo(FailureKind.UNKNOWN_OUTCOME);
            assertThat(rejected.code()).isEqualTo("http-" + status);
            assertThat(rejected.reason()).startsWith("HTTP " + status);
        });
        assertThat(twilio.messageRequests()).hasSize(1);
    }

    @Test
    void shouldMakeExactlyOneRequestWhenRateLimited() {
        twilio.failWith(429, 20429, "Too Many Requests");

        assertThat(gateway.send(text()))
                .isEqualTo(new SendOutcome.Rejected(
                        FailureKind.TRANSIENT, "20429", "Twilio is rate limiting the account"));
        assertThat(twilio.messageRequests()).hasSize(1);
    }

    @ParameterizedTest(name = "Twilio error {1} is {3}")
    @CsvSource({
        "400, 21211, 'The ''To'' number +16045550123 is not a valid phone number.', PERMANENT",
        "400, 21614, 'To number: +16045550123, is not a mobile number', PERMANENT",
        "400, 21610, 'Attempt to send to unsubscribed recipient', RECIPIENT_OPTED_OUT",
        "400, 21408, 'Permission to send an SMS has not been enabled for the region', PERMANENT",
        "400, 30003, 'Unreachable destination handset', PERMANENT",
        "400, 30005, 'Unknown destination handset', PERMANENT",
        "400, 30006, 'Landline or unreachable carrier', PERMANENT",
        "400, 30007, 'Message filtered', PERMANENT",
        "400, 30034, 'Message from an unregistered number', SENDER",
        "400, 30001, 'Queue overflow', TRANSIENT",
        "404, 20404, 'The requested resource was not found', ACCOUNT",
        "400, 21606, 'The From phone number +16045550100 is not a valid, SMS-capable number for this account', PERMANENT",
        "400, 21212, 'The From number +16045550100 is not a valid phone number', SENDER",
        "401, 20003, 'Authenticate', ACCOUNT",
        "400, 30002, 'Account suspended', ACCOUNT",
        "400, 21611, 'This From number has exceeded the maximum number of queued messages', TRANSIENT",
    })
    void shouldClassifyTwilioErrorCodes(int status, int code, String message, FailureKind kind) {
        twilio.failWith(status, code, message);

        SendOutcome outcome = gateway.send(text());

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Rejected.class, rejected -> {
            assertThat(rejected.kind()).isEqualTo(kind);
            assertThat(rejected.code()).isEqualTo(String.valueOf(code));
            assertThat(rejected.reason()).isNotBlank().doesNotContain("6045550123");
        });
        assertThat(twilio.messageRequests()).hasSize(1);
    }

    @Test
    void shouldKeepNumbersOutOfTheReasonOfAnUnknownTwilioError() {
        twilio.failWith(400, 21999, "Something odd about +1 604 555 0123");

        assertThat(gateway.send(text()))
                .isEqualTo(new SendOutcome.Rejected(FailureKind.PERMANENT, "21999", "Something odd about <number>"));
    }

    @Test
    void shouldReportAnUnknownOutcomeWhenTwilioDoesNotAnswerInTime() {
        twilio.acceptAfter(RESPONSE_TIMEOUT.multipliedBy(2));

        SendOutcome outcome = gateway.send(text());

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        SendOutcome.Rejected.class,
                        rejected -> assertThat(rejected.kind()).isEqualTo(FailureKind.UNKNOWN_OUTCOME));
        assertThat(twilio.messageRequests()).hasSize(1);
    }

    @Test
    void shouldReportAnUnknownOutcomeWhenTheConnectionBreaksAfterTheRequest() {
        twilio.dropConnection();

        SendOutcome outcome = gateway.send(text());

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        SendOutcome.Rejected.class,
                        rejected -> assertThat(rejected.kind()).isEqualTo(FailureKind.UNKNOWN_OUTCOME));
        assertThat(twilio.messageRequests()).hasSize(1);
    }

    @Test
    void shouldRetryLaterWhenTwilioCannotBeReachedAtAll() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        gateway = gatewayFrom(new TwilioAccount(
                TwilioDouble.ACCOUNT_SID,
                TwilioDouble.AUTH_TOKEN,
                Optional.of(TwilioDouble.FROM),
                Optional.empty(),
                URI.create("http://127.0.0.1:" + closedPort),
                Optional.empty()));

        assertThat(gateway.send(text())).isInstanceOfSatisfying(SendOutcome.Rejected.class, rejected -> {
            assertThat(rejected.kind()).isEqualTo(FailureKind.TRANSIENT);
            assertThat(rejected.reason()).startsWith("could not connect to Twilio");
        });
    }

    private TwilioSmsGateway gatewayFrom(TwilioAccount account) {
        if (gateway != null) {
            gateway.close();
        }
        return new TwilioSmsGateway(account, Duration.ofSeconds(1), RESPONSE_TIMEOUT, 4);
    }

    private static OutgoingSms text() {
        return new OutgoingSms(UUID.randomUUID(), TO, BODY);
    }
}
