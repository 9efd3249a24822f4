package io.aftercare.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.aftercare.config.AftercareConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TwilioAccountTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";

    @Test
    void shouldAcceptAnAccountWithAFromNumberAndNormaliseIt() {
        TwilioAccount account =
                TwilioAccount.from(config(SID, "secret", "+1 (604) 555-0100", null, "https://api.twilio.com"));

        assertThat(account.sender()).contains("+16045550100");
        assertThat(account.messagingServiceSid()).isEmpty();
    }

    @Test
    void shouldAcceptAnAlphanumericSenderOrAMessagingService() {
        assertThat(TwilioAccount.from(config(SID, "secret", "Clinic", null, "https://api.twilio.com"))
                        .sender())
                .contains("Clinic");
        assertThat(TwilioAccount.from(config(
                                SID, "secret", null, "MG0123456789abcdef0123456789abcdef", "https://api.twilio.com"))
                        .messagingServiceSid())
                .contains("MG0123456789abcdef0123456789abcdef");
    }

    @Test
    void shouldNameEveryMisconfiguredKeyWithoutEchoingTheToken() {
        assertThatIllegalStateException()
                .isThrownBy(() -> TwilioAccount.from(config("AC123", " ", "555", null, "ftp://example")))
                .withMessageContaining("aftercare.twilio.account-sid")
                .withMessageContaining("aftercare.twilio.auth-token")
                .withMessageContaining("aftercare.twilio.from must be a phone number")
                .withMessageContaining("aftercare.twilio.api-url");
    }

    @Test
    void shouldAskForASenderWhenNeitherIsSet() {
        assertThatIllegalStateException()
                .isThrownBy(() -> TwilioAccount.from(config(SID, "secret", null, null, "https://api.twilio.com")))
                .withMessageContaining("aftercare.twilio.from or aftercare.twilio.messaging-service-sid must be set");
    }

    @Test
    void shouldRejectAMalformedMessagingServiceSid() {
        assertThatIllegalStateException()
                .isThrownBy(() -> TwilioAccount.from(config(SID, "secret", null, "MG-nope", "https://api.twilio.com")))
                .withMessageContaining("aftercare.twilio.messaging-service-sid");
    }

    @Test
    void shouldHideTheTokenWhenPrinted() {
        assertThat(TwilioAccount.from(config(SID, "top-secret-token", "+16045550100", null, "https://api.twilio.com")))
                .asString()
                .doesNotContain("top-secret-token");
    }

    private static AftercareConfig.Twilio config(
            String accountSid, String authToken, String from, String messagingServiceSid, String apiUrl) {
        return new AftercareConfig.Twilio() {
            public Optional<String> accountSid() {
                return Optional.ofNullable(accountSid);
            }

            public Optional<String> authToken() {
                return Optional.ofNullable(authToken);
            }

            public Optional<String> from() {
                return Optional.ofNullable(from);
            }

            public Optional<String> messagingServiceSid() {
                return Optional.ofNullable(messagingServiceSid);
            }

            public Optional<String> webhookBaseUrl() {
                return Optional.empty();
            }

            public String apiUrl() {
                return apiUrl;
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            public Duration responseTimeout() {
                return Duration.ofSeconds(1);
            }

            public boolean answerHelp() {
                return false;
            }
        };
    }
}
