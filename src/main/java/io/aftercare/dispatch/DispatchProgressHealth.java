package io.aftercare.dispatch;

import io.aftercare.config.AftercareConfig;
import io.aftercare.reminder.ReminderClaims;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Down while dispatch moves nothing (see {@link DispatchProgress#stall}). Readiness, not liveness: texts waiting while
 * the trigger fires nowhere may come from another node or from the database, and restarting every node of the cluster
 * for it would take the API down too without mending anything; readiness is what orchestrators and monitors watch.
 * A node whose own run is stuck also reports it here.
 *
 * <p>One indexed lookup while all is well (the trigger's row by its key); the texts-waiting query runs only when the
 * trigger is overdue or this node's runs keep failing.
 */
@Readiness
@ApplicationScoped
class DispatchProgressHealth implements HealthCheck {

    // Quartz stamps its triggers with the system clock, not the application's (which tests shift).
    private static final Clock QUARTZ_CLOCK = Clock.systemUTC();

    private final Dispatcher dispatcher;
    private final DispatchTrigger trigger;
    private final ReminderClaims claims;
    private final Clock clock;
    private final Duration stallAfter;

    DispatchProgressHealth(
            Dispatcher dispatcher,
            DispatchTrigger trigger,
            ReminderClaims claims,
            Clock clock,
            AftercareConfig config) {
        this.dispatcher = dispatcher;
        this.trigger = trigger;
        this.claims = claims;
        this.clock = clock;
        this.stallAfter = config.dispatch().stallAfter();
    }

    @Override
    public HealthCheckResponse call() {
        Optional<Duration> overdue = trigger.nextFireTime().map(next -> Duration.between(next, QUARTZ_CLOCK.instant()));
        Optional<String> stall = DispatchProgress.stall(dispatcher.runs(), overdue, this::textsWaiting, stallAfter);
        return HealthCheckResponse.named("dispatch-progress")
                .status(stall.isEmpty())
                .withData("stalled", stall.orElse("no"))
                .build();
    }

    private boolean textsWaiting() {
        Instant now = clock.instant();
        return claims.textsWaitingSince(now.minus(stallAfter), now);
    }
}
