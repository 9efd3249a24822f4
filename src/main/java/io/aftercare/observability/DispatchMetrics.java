package io.aftercare.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The dispatcher's own work: texts claimed, claims taken over after their node missed its lease, attempts put back for
 * a retry. Each is counted after the statement that did it has committed.
 */
// Created at start-up, so that every series is in the first scrape, before any claim.
@Startup
@ApplicationScoped
public class DispatchMetrics {

    static final String CLAIMS = "aftercare.claims";
    static final String LEASE_TAKEOVERS = "aftercare.lease.takeovers";
    static final String RETRIES = "aftercare.retries";

    private final Counter claims;
    private final Counter takeovers;
    private final Counter retries;

    static final String SENDER_POOL = "aftercare.sender.pool";

    private final MeterRegistry registry;

    DispatchMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.claims = Counter.builder(CLAIMS)
                .description("Texts claimed for sending (a text claimed again after a retry counts again)")
                .register(registry);
        this.takeovers = Counter.builder(LEASE_TAKEOVERS)
                .description("Claimed texts put back in the queue because their node did not finish within its lease")
                .register(registry);
        this.retries = Counter.builder(RETRIES)
                .description("Attempts that ended with the text put back for a later try")
                .register(registry);
    }

    /** {@code count} texts were claimed (the claim has committed). */
    public void claimed(int count) {
        claims.increment(count);
    }

    /** {@code count} expired claims went back in the queue (the release has committed). */
    public void takenOver(int count) {
        takeovers.increment(count);
    }

    /** The sender threads' pool size, active threads and queue ({@code executor_*{name="aftercare.sender.pool"}}). */
    public void watchSenders(ThreadPoolExecutor senders) {
        new ExecutorServiceMetrics(senders, SENDER_POOL, List.of()).bindTo(registry);
    }

    /** An attempt's text was put back for a retry (recorded). */
    public void retried() {
        retries.increment();
    }
}
