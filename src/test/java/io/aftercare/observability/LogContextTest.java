package io.aftercare.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.logging.json.runtime.JsonFormatter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.util.UUID;
import java.util.logging.Level;
import org.jboss.logging.MDC;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Log lines about a text carry its ids, as JSON fields in production and plain text where people read them. */
class LogContextTest {

    @Test
    void shouldPutIdsInTheJsonLineAndPutBackWhatWasThere() {
        UUID clinic = UUID.randomUUID();
        UUID reminder = UUID.randomUUID();
        MDC.put(MdcScope.NODE, "outer");
        try {
            String line;
            try (MdcScope scope = MdcScope.of(MdcScope.CLINIC_ID, clinic)
                    .and(MdcScope.REMINDER_ID, reminder)
                    .and(MdcScope.NODE, "node-a")
                    .and(MdcScope.SESSION_ID, null)) {
                ExtLogRecord record = new ExtLogRecord(Level.INFO, "Reminder sent", LogContextTest.class.getName());
                record.copyMdc();
                line = new JsonFormatter().format(record);
            }

            assertThat(line)
                    .contains("\"mdc\":{")
                    .contains("\"clinicId\":\"" + clinic + "\"")
                    .contains("\"reminderId\":\"" + reminder + "\"")
                    .contains("\"node\":\"node-a\"")
                    .doesNotContain("sessionId");
            assertThat(MDC.get(MdcScope.NODE)).isEqualTo("outer");
            assertThat(MDC.get(MdcScope.CLINIC_ID)).isNull();
            assertThat(MDC.get(MdcScope.REMINDER_ID)).isNull();
        } finally {
            MDC.remove(MdcScope.NODE);
        }
    }

    @ParameterizedTest
    @CsvSource({"prod, true", "demo, false", "dev, false", "test, false"})
    void shouldLogJsonInProductionOnly(String profile, boolean json) throws IOException {
        URL properties = LogContextTest.class.getResource("/application.properties");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(properties))
                .build();

        assertThat(config.getValue("quarkus.log.console.json.enabled", Boolean.class))
                .isEqualTo(json);
        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
    }
}
