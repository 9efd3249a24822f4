package io.aftercare.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The service's own figures at {@code /q/metrics} on the management port: a text that goes out is counted once its
 * outcome is recorded, with how late it went, and no line names a clinic or a number.
 */
@AftercareTest
class TextMetricsTest {

    private static final String PHONE = "+16045550177";

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    OpenTelemetry openTelemetry;

    @Test
    void shouldCountASentTextWithItsLatenessAndNameNoClinicOrNumber() {
        // Its first text falls due at once, whatever the hour in Vancouver when the test runs.
        Sessions.settings(null, List.of());
        String clinicId =
                given().auth().oauth2(Sessions.CLINIC_KEY).get("/v1/clinic").path("id");
        double sentBefore = value(scrape(), "aftercare_texts_total{kind=\"\",outcome=\"sent\"}")
                .orElse(0.0);
        double latenessBefore =
                value(scrape(), "aftercare_dispatch_lateness_seconds_count").orElse(0.0);

        String sessionId = Sessions.postFor(PHONE, OffsetDateTime.now());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "SENT"
                        .equals(given().auth()
                                .oauth2(Sessions.CLINIC_KEY)
                                .get("/v1/sessions/" + sessionId)
                                .path("reminders[0].status")));

        // Counted after the commit of the write that recorded it, which the status above may have seen first.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            String metrics = scrape();
            assertThat(value(metrics, "aftercare_texts_total{kind=\"\",outcome=\"sent\"}"))
                    .hasValueSatisfying(sent -> assertThat(sent).isGreaterThanOrEqualTo(sentBefore + 1));
            assertThat(value(metrics, "aftercare_dispatch_lateness_seconds_count"))
                    .hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(latenessBefore + 1));
        });
        String metrics = scrape();
        assertThat(value(metrics, "aftercare_dispatch_lateness_seconds_bucket{le=\"60.0\"}"))
                .hasValueSatisfying(within -> assertThat(within).isGreaterThanOrEqualTo(1));
        assertThat(value(metrics, "aftercare_twilio_request_seconds_count{outcome=\"accepted\"}"))
                .hasValueSatisfying(requests -> assertThat(requests).isGreaterThanOrEqualTo(1));
        assertThat(value(metrics, "aftercare_claims_total"))
                .hasValueSatisfying(claims -> assertThat(claims).isGreaterThanOrEqualTo(1));
        assertThat(value(metrics, "aftercare_texts_due_unsent")).isPresent();
        assertThat(value(metrics, "aftercare_sending_paused{scope=\"sender\"}")).isPresent();
        assertThat(value(metrics, "aftercare_ready")).contains(1.0);
        assertThat(value(metrics, "aftercare_replies_total{category=\"urgent\"}"))
                .isPresent();
        assertThat(value(metrics, "aftercare_webhook_deliveries_total{outcome=\"delivered\"}"))
                .isPresent();
        assertThat(metrics.lines())
                .as("no metric line names a clinic or a number")
                .noneMatch(line -> line.contains(clinicId))
                .noneMatch(line -> line.contains(PHONE.substring(2)));
    }

    @Test
    void shouldExportNoSpanWhileTracingIsOff() {
        // quarkus.otel.sdk.disabled=true leaves the SDK without span processors: no exporter, no connection.
        assertThat(openTelemetry).isInstanceOf(OpenTelemetrySdk.class);
        assertThat(((OpenTelemetrySdk) openTelemetry).getSdkTracerProvider().toString())
                .contains("spanProcessor=NoopSpanProcessor");
    }

    private String scrape() {
        return given().port(management.getPort())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The value of the sample line of exactly this series ({@code name} or {@code name{tag="v",...}}), if any. */
    static Optional<Double> value(String metrics, String series) {
        // The exposition format may end the tags with a comma ({outcome="sent",}); the series are written without it.
        return metrics.lines()
                .map(line -> line.replace(",}", "}"))
                .filter(line -> line.startsWith(series + " "))
                .map(line ->
                        Double.parseDouble(line.substring(series.length() + 1).split(" ")[0]))
                .findFirst();
    }
}
