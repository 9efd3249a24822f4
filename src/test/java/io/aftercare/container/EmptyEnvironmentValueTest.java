package io.aftercare.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aftercare.config.AftercareConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker/compose.yaml passes settings as {@code KEY: ${KEY:-}}, so a setting left empty in .env reaches the service as
 * an empty environment variable. SmallRye Config, which Quarkus reads the environment with, takes an empty value as
 * unset: an optional key stays empty; but a key with a default then has no value at all and stops the start, so compose
 * gives those keys the service's default ({@link ContainerFilesTest} checks that they agree).
 */
class EmptyEnvironmentValueTest {

    /** The service's typed configuration from these environment variables alone, read as Quarkus reads them. */
    static SmallRyeConfig environmentConfig(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withMapping(AftercareConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withSources(new EnvConfigSource(environment, EnvConfigSource.ORDINAL))
                .build();
    }

    private static AftercareConfig aftercare(Map<String, String> environment) {
        return environmentConfig(environment).getConfigMapping(AftercareConfig.class);
    }

    @Test
    void shouldReadAnEmptySenderAsUnsetSoAnAccountSidChoosesTwilio() {
        var config = aftercare(Map.of("AFTERCARE_SMS_SENDER", "", "AFTERCARE_TWILIO_ACCOUNT_SID", "AC0123"));

        // twilio/SmsGatewayProducer: the sender if set, else twilio when an account SID is set.
        assertThat(config.sms().sender()).isEmpty();
        assertThat(config.twilio().accountSid()).contains("AC0123");
    }

    @Test
    void shouldStillReadASetSender() {
        var config = aftercare(Map.of("AFTERCARE_SMS_SENDER", "console", "AFTERCARE_TWILIO_ACCOUNT_SID", "AC0123"));

        assertThat(config.sms().sender()).contains("console");
    }

    @Test
    void shouldReadEmptyOptionalSettingsAsUnset() {
        var config = aftercare(Map.of(
                "AFTERCARE_TWILIO_WEBHOOK_BASE_URL", "",
                "AFTERCARE_PUBLIC_BASE_URL", "",
                "AFTERCARE_BOOTSTRAP_CLINIC_NAME", "",
                "AFTERCARE_ADMIN_API_KEY", ""));

        assertThat(config.twilio().webhookBaseUrl()).isEmpty();
        assertThat(config.publicBaseUrl()).isEmpty();
        assertThat(config.bootstrap().clinicName()).isEmpty();
        assertThat(config.admin().apiKey()).isEmpty();
    }

    @Test
    void shouldRefuseToStartOnAnEmptyValueForASettingWithADefault() {
        assertThatThrownBy(() -> aftercare(Map.of("AFTERCARE_SMS_MAX_PER_SECOND", "")))
                .hasMessageContaining("aftercare.sms.max-per-second");
    }
}
