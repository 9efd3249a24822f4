package io.aftercare.pause;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * A warning at {@code /q/health/well} while any clinic's sending is paused. Not a readiness check: the API must keep
 * taking sessions, and their texts wait until sending resumes.
 */
@Wellness
@ApplicationScoped
class SendingHealth implements HealthCheck {

    private final SendingPauses pauses;

    SendingHealth(SendingPauses pauses) {
        this.pauses = pauses;
    }

    @Override
    public HealthCheckResponse call() {
        List<SendingPauses.Pause> paused = pauses.all();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("sms-sending").status(paused.isEmpty());
        paused.forEach(pause -> response.withData(pause.clinicId().toString(), pause.reason()));
        return response.build();
    }
}
