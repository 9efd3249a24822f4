package io.aftercare.pause;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A warning at {@code /q/health/well} while any clinic's sending is paused. Not a readiness check: the API must keep
 * taking sessions, and their texts wait until sending resumes.
 *
 * <p>It says how many, never which: health answers anyone who reaches the management port, and which clinic is
 * paused and why (an account error) is the operator's to read, in the log and at
 * {@code GET /admin/v1/clinics/{id}/sending-pause}.
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
        long paused = pauses.count();
        return HealthCheckResponse.named("sms-sending")
                .status(paused == 0)
                .withData("pausedClinics", paused)
                .build();
    }
}
