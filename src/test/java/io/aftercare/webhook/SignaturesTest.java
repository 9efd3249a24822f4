package io.aftercare.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    @Test
    void shouldMatchTheStandardWebhooksTestVector() {
        // The published vector of the Standard Webhooks reference libraries: standard-webhooks/standard-webhooks,
        // libraries/java/src/test/java/com/standardwebhooks/WebhookTest.java, verifyWebhookSignWorks().
        WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        String signature =
                Signatures.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void shouldSignWithEverySecretStillValidSeparatedBySpaces() {
        WebhookSecret current = WebhookSecret.generate();
        WebhookSecret previous = WebhookSecret.generate();

        String header = Signatures.header(List.of(current, previous), "msg_1", 1L, "{}");

        assertThat(header.split(" "))
                .containsExactly(
                        Signatures.sign(current, "msg_1", 1L, "{}"), Signatures.sign(previous, "msg_1", 1L, "{}"));
    }

    @Test
    void shouldGenerateSecretsOf32RandomBytes() {
        WebhookSecret one = WebhookSecret.generate();

        assertThat(one.text()).startsWith("whsec_");
        assertThat(one.key()).hasSize(32);
        assertThat(WebhookSecret.problemWith(one.text())).isEmpty();
        assertThat(one.text()).isNotEqualTo(WebhookSecret.generate().text());
        assertThat(one.toString()).doesNotContain(one.text().substring(6));
    }

    @Test
    void shouldRefuseSecretsThatAreNotWhsecBase64Of24To64Bytes() {
        assertThat(WebhookSecret.problemWith("whsec_" + "QUJD"))
                .hasValueSatisfying(why -> assertThat(why).contains("too short"));
        assertThat(WebhookSecret.problemWith("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isPresent();
        assertThat(WebhookSecret.problemWith("whsec_not base64!")).isPresent();
        assertThat(WebhookSecret.problemWith("whsec_" + "A".repeat(100)))
                .hasValueSatisfying(why -> assertThat(why).contains("too long"));
        assertThat(WebhookSecret.problemWith("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isEmpty();
    }
}
