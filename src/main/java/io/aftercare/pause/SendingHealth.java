package io.aftercare.pause;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * A warning at {@code /q/health/well} while any sending is paused. Not a readiness check: the API must keep taking
 * sessions, and their texts wait until sending resumes.
 *
 * <p>For clinics it says how many, never which: health answers anyone who reaches the management port, and which clinic
 * is paused and why is the operator's to read, in the log and at {@code GET /admin/v1/clinics/{id}/sending-pause}. An
 * account pause, which stops every clinic, is shown as such, and so is a sender pause, with its reason: Twilio's code
 * and the service's own fixed wording of it ({@code twilio/TwilioFailures}), never a number or Twilio's message.
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
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("sms-sending").withData("pausedClinics", paused);
        boolean up = paused == 0;
        if (pauses.of(PauseScope.ACCOUNT).isPresent()) {
            // Whether, not why: the account's trouble (credentials, suspension) is the operator's to read.
            response.withData("account", "paused");
            up = false;
        }
        Optional<SendingPauses.Pause> sender = pauses.of(PauseScope.SENDER);
        if (sender.isPresent()) {
            response.withData("sender", sender.get().reason());
            up = false;
        }
        return response.status(up).build();
    }
}
