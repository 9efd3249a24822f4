package io.aftercare.benchmark;

import io.aftercare.cluster.ClusterDatabase;
import io.aftercare.sms.OutgoingSms;
import io.aftercare.sms.SmsGateway;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;

/**
 * The design Aftercare did not choose, measured on the same database and Twilio double: one clustered Quartz JDBC
 * trigger per text, each firing a job that sends its text with the Twilio SDK.
 */
final class QuartzBaseline {

    record Outcome(int texts, int threads, Duration drain, double perSecond) {}

    // Quartz builds its job and connection provider classes itself, with no way to hand them objects.
    private static volatile SmsGateway gateway;
    private static volatile AgroalDataSource connections;

    private final ClusterDatabase database;
    private final LatencyTwilio twilio;

    QuartzBaseline(ClusterDatabase database, LatencyTwilio twilio) {
        this.database = database;
        this.twilio = twilio;
    }

    Outcome run(SmsGateway sender, int texts, int threads) throws Exception {
        gateway = sender;
        connections = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(threads + 4)
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(database.jdbcUrl())
                                .principal(new NamePrincipal(database.username()))
                                .credential(new SimplePassword("")))));
        Scheduler scheduler = new StdSchedulerFactory(properties(threads)).getScheduler();
        try {
            Date due = new Date(System.currentTimeMillis() + 1000);
            Map<JobDetail, Set<? extends Trigger>> jobs = new HashMap<>();
            for (int i = 0; i < texts; i++) {
                JobDetail job = JobBuilder.newJob(SendOneText.class)
                        .withIdentity("text-" + i, "baseline")
                        .usingJobData("to", "+1556" + String.format("%08d", i))
                        .usingJobData("body", TextSeeder.BODY)
                        .build();
                jobs.put(
                        job,
                        Set.of(TriggerBuilder.newTrigger()
                                .withIdentity("text-" + i, "baseline")
                                .startAt(due)
                                .build()));
            }
            scheduler.scheduleJobs(jobs, true);
            twilio.reset();
            long started = System.nanoTime();
            scheduler.start();
            long deadline = started + Duration.ofMinutes(20).toNanos();
            while (twilio.accepted() < texts && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            List<Long> arrivals = twilio.arrivals();
            long last = arrivals.stream().mapToLong(Long::longValue).max().orElse(started);
            Duration drain = Duration.ofNanos(last - started);
            return new Outcome(arrivals.size(), threads, drain, arrivals.size() / (drain.toNanos() / 1e9));
        } finally {
            scheduler.shutdown(true);
            connections.close();
        }
    }

    private static Properties properties(int threads) {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "one-trigger-per-text");
        properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(threads));
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty(
                "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "600000");
        properties.setProperty("org.quartz.jobStore.dataSource", "baseline");
        properties.setProperty("org.quartz.dataSource.baseline.connectionProvider.class", Connections.class.getName());
        return properties;
    }

    public static final class SendOneText implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            var data = context.getMergedJobDataMap();
            gateway.send(new OutgoingSms(UUID.randomUUID(), data.getString("to"), data.getString("body")));
        }
    }

    public static final class Connections implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return connections.getConnection();
        }

        @Override
        public void shutdown() {}

        @Override
        public void initialize() {}
    }
}
