package io.aftercare.db;

import io.aftercare.config.AftercareConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Time as the database tells it, for every decision nodes share through it: claims and their leases, the release of
 * expired ones, retries, send slots. Each node's wall clock may be off; this clock is the node's application clock plus
 * the node's offset to the database, measured at start-up and every minute ({@link ClockOffset}). The application
 * clock stays the base so that tests that move it ({@code support/TestClock}) move this one too.
 *
 * <p>A node whose offset is past {@code aftercare.dispatch.max-clock-offset}, or not measured yet, takes no part in the
 * cluster's schedule: Quartz, which starts halted, is started only once the offset is within the bound and put in
 * standby when it leaves it (Quartz's clustering itself compares check-in times across nodes), and the dispatcher
 * claims nothing ({@link #inStep()}).
 */
// Over 150 lines: the measurement's schedule, its logging, the gauge and the scheduler gate act on one state.
@ApplicationScoped
@Typed(DatabaseClock.class)
public class DatabaseClock extends Clock {

    static final Duration EVERY = Duration.ofMinutes(1);
    /** After a failed measurement (database unreachable), the next comes sooner. */
    static final Duration RETRY = Duration.ofSeconds(5);

    private final Clock application;
    private final Clock system;
    private final Supplier<Instant> databaseTime;
    private final Duration bound;
    private final Consumer<Boolean> onStepChange;
    private final ScheduledExecutorService measurements;
    private volatile Duration offset;
    private volatile boolean inStep;
    private boolean failing;

    @Inject
    DatabaseClock(
            DataSource dataSource,
            Clock application,
            AftercareConfig config,
            MeterRegistry registry,
            Scheduler scheduler) {
        this(
                () -> databaseTime(dataSource),
                Clock.systemUTC(),
                application,
                config.dispatch().maxClockOffset(),
                inStep -> gate(scheduler, inStep));
        Gauge.builder(
                        "aftercare.clock.offset",
                        this,
                        clock -> clock.offset()
                                .map(measured -> measured.toNanos() / 1e9)
                                .orElse(Double.NaN))
                .description("This node's clock offset to the database's (database minus node)")
                .baseUnit("seconds")
                .register(registry);
    }

    DatabaseClock(
            Supplier<Instant> databaseTime,
            Clock system,
            Clock application,
            Duration bound,
            Consumer<Boolean> onStepChange) {
        this.databaseTime = databaseTime;
        this.system = system;
        this.application = application;
        this.bound = bound;
        this.onStepChange = onStepChange;
        this.measurements = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "database-clock");
            thread.setDaemon(true);
            return thread;
        });
    }

    // Not @Scheduled: clustered Quartz runs a scheduled job on one node of the cluster, and every node needs its own
    // offset; nor could Quartz start a node that it is not yet allowed to run on.
    void onStart(@Observes StartupEvent event) {
        measureThenReschedule();
    }

    private void measureThenReschedule() {
        Duration next = measure() ? EVERY : RETRY;
        try {
            measurements.schedule(this::measureThenReschedule, next.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Shutting down.
        }
    }

    /** Measures the offset now; answers whether the database answered. */
    synchronized boolean measure() {
        ClockOffset.Sample sample;
        try {
            sample = ClockOffset.measure(system, databaseTime, ClockOffset.SAMPLES);
        } catch (RuntimeException e) {
            if (!failing) {
                Log.warnf(
                        "Could not measure the clock offset to the database (%s); keeping the last one, %s",
                        e.getClass().getSimpleName(),
                        offset().map(ClockOffset::describe).orElse("none yet"));
            }
            failing = true;
            return false;
        }
        boolean first = offset == null;
        boolean wasInStep = inStep;
        failing = false;
        offset = sample.offset();
        inStep = ClockOffset.within(sample.offset(), bound);
        String line = "Clock offset to the database: %s (bound %s s, round trip %d ms)"
                .formatted(
                        ClockOffset.describe(sample.offset()),
                        bound.toMillis() / 1000.0,
                        sample.roundTrip().toMillis());
        if (!inStep) {
            Log.warn(line + ": this node claims no texts and runs no scheduled job until its clock is set right");
        } else if (first || !wasInStep) {
            Log.info(line);
        } else {
            Log.debug(line);
        }
        if (first || inStep != wasInStep) {
            onStepChange.accept(inStep);
        }
        return true;
    }

    private static void gate(Scheduler scheduler, boolean inStep) {
        try {
            if (inStep) {
                scheduler.resume();
            } else if (scheduler.isRunning()) {
                scheduler.pause();
            }
        } catch (RuntimeException e) {
            // The scheduler is shutting down with the application.
            Log.debugf("Scheduler not %s: %s", inStep ? "resumed" : "paused", e.getMessage());
        }
    }

    private static Instant databaseTime(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT clock_timestamp()")) {
            row.next();
            return row.getObject(1, OffsetDateTime.class).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException("The database did not tell its time", e);
        }
    }

    /** The database's clock minus this node's, once measured. */
    public Optional<Duration> offset() {
        return Optional.ofNullable(offset);
    }

    /** The largest offset either way at which this node takes part in the cluster's work. */
    public Duration bound() {
        return bound;
    }

    /** Whether the offset is measured and within the bound: only then may this node claim texts. */
    public boolean inStep() {
        return inStep;
    }

    /** Now by the database's clock: the application clock plus the last measured offset. */
    @Override
    public Instant instant() {
        Duration measured = offset;
        Instant now = application.instant();
        return measured == null ? now : now.plus(measured);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Lease decisions read instants only");
    }

    @PreDestroy
    void stop() {
        measurements.shutdownNow();
    }
}
