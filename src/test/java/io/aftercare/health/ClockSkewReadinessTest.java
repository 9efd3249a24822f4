package io.aftercare.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class ClockSkewReadinessTest {

    private static final Duration BOUND = Duration.ofSeconds(2);

    @Test
    void shouldBeDownNamingTheOffsetPastTheBound() {
        HealthCheckResponse response = ClockSkewReadiness.response(Optional.of(Duration.ofMillis(-150_213)), BOUND);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getName()).contains("clock");
        assertThat(response.getData().orElseThrow())
                .containsEntry("offsetSeconds", "-150.2")
                .containsEntry("offsetMillis", -150_213L)
                .containsEntry("maxOffsetMillis", 2_000L);
    }

    @Test
    void shouldBeUpWithinTheBoundEitherWay() {
        assertThat(ClockSkewReadiness.response(Optional.of(Duration.ofMillis(1_999)), BOUND)
                        .getStatus())
                .isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(ClockSkewReadiness.response(Optional.of(Duration.ofMillis(-2_000)), BOUND)
                        .getStatus())
                .isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(ClockSkewReadiness.response(Optional.of(Duration.ofMillis(-2_001)), BOUND)
                        .getStatus())
                .isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void shouldBeDownBeforeTheFirstMeasurement() {
        assertThat(ClockSkewReadiness.response(Optional.empty(), BOUND).getStatus())
                .isEqualTo(HealthCheckResponse.Status.DOWN);
    }
}
