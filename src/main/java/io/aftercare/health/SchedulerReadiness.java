package io.aftercare.health;

import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the scheduler that dispatches texts runs; the datasource check covers the database. */
@Readiness
@ApplicationScoped
class SchedulerReadiness implements HealthCheck {

    private final Scheduler scheduler;

    SchedulerReadiness(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("dispatch-scheduler")
                .status(scheduler.isRunning())
                .build();
    }
}
