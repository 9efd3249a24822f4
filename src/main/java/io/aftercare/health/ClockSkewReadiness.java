package io.aftercare.health;

import io.aftercare.db.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while this node's clock agrees with the database's within {@code aftercare.dispatch.max-clock-offset}: a
 * node out of step claims nothing and runs no scheduled job ({@link DatabaseClock}), and its operator must fix its
 * clock (NTP).
 */
@Readiness
@ApplicationScoped
class ClockSkewReadiness implements HealthCheck {

    static final String NAME = "clock-offset-to-database";

    private final DatabaseClock clock;

    ClockSkewReadiness(DatabaseClock clock) {
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        return response(clock.offset(), clock.bound());
    }

    static HealthCheckResponse response(Optional<Duration> offset, Duration bound) {
        HealthCheckResponseBuilder builder =
                HealthCheckResponse.named(NAME).withData("maxOffsetMillis", bound.toMillis());
        if (offset.isEmpty()) {
            return builder.down().withData("offset", "not measured yet").build();
        }
        Duration measured = offset.get();
        return builder.status(measured.abs().compareTo(bound) <= 0)
                .withData("offsetMillis", measured.toMillis())
                .withData("offsetSeconds", "%+.1f".formatted(measured.toNanos() / 1e9))
                .build();
    }
}
