package io.aftercare.observability;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.BooleanSupplier;

/**
 * {@code aftercare_ready}: 1 while this node's readiness checks ({@code /q/health/ready}) pass, 0 otherwise, so that a
 * rule can alert on a node that is up but not taking work. Run at most once per {@link QueueGauges#FRESH_FOR}.
 */
// Created at start-up, so that the gauge is in the first scrape.
@Startup
@ApplicationScoped
class ReadinessGauge {

    static final String READY = "aftercare.ready";

    private final BooleanSupplier ready;
    private final Cache<Boolean, Boolean> latest = Caffeine.newBuilder()
            .expireAfterWrite(QueueGauges.FRESH_FOR)
            .maximumSize(1)
            .build();

    @Inject
    ReadinessGauge(SmallRyeHealthReporter health, MeterRegistry registry) {
        this(() -> !health.getReadiness().isDown(), registry);
    }

    ReadinessGauge(BooleanSupplier ready, MeterRegistry registry) {
        this.ready = ready;
        Gauge.builder(READY, this, gauge -> gauge.readyNow() ? 1 : 0)
                .description("1 while this node's readiness checks pass, 0 otherwise")
                .register(registry);
    }

    private boolean readyNow() {
        return latest.get(Boolean.TRUE, ignored -> ready.getAsBoolean());
    }
}
