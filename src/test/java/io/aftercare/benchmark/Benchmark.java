package io.aftercare.benchmark;

import io.aftercare.twilio.TwilioAccount;
import io.aftercare.twilio.TwilioSmsGateway;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the scenarios of the README's "Performance" section against the packaged service, on an embedded PostgreSQL and
 * a Twilio double on 127.0.0.1, prints the table and writes it to {@code target/benchmark/results.json}.
 * Run with {@code mvn -B -Pbenchmark package}; sizes can be changed with {@code -Dbench.*} properties (see
 * {@link BenchmarkSettings}).
 */
public final class Benchmark {

    private final BenchmarkSettings settings;
    private final Path work;
    private final BenchmarkDatabase database;
    private final LatencyTwilio twilio;
    private final TextSeeder seeder;
    private final BurstScenario burst;
    private final Results results = new Results();
    private final String adminKey = "benchmark-admin-" + UUID.randomUUID();

    private Benchmark(BenchmarkSettings settings) throws Exception {
        this.settings = settings;
        this.work = Path.of("target", "benchmark");
        Files.createDirectories(work);
        this.database = new BenchmarkDatabase(work.resolve("postgresql"));
        this.twilio = new LatencyTwilio(settings.latency());
        this.seeder = new TextSeeder(database);
        this.burst = new BurstScenario(database, seeder, twilio);
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        Benchmark benchmark = new Benchmark(settings);
        try {
            benchmark.run();
        } finally {
            benchmark.database.close();
            benchmark.twilio.close();
        }
    }

    private void run() throws Exception {
        results.machine("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        results.machine("memory", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
        results.machine("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        results.machine("started", Instant.now().toString());
        results.machine("settings", settings.toString());
        Set<String> scenarios = settings.scenarios();
        try (ServiceProcess service = start("unlimited", 0)) {
            results.add("startup", "process start to ready", service.startup().toMillis(), "ms");
            if (scenarios.contains("burst")) {
                burst(service, "burst", "burst, empty table");
            }
            if (scenarios.contains("lateness")) {
                lateness();
            }
            if (scenarios.contains("ingest")) {
                ingest(service, "ingest", "ingest, empty table");
            }
        }
        if (scenarios.contains("limited")) {
            try (ServiceProcess limited = start("limited", settings.limitedMps())) {
                limited(limited);
            }
        }
        if (scenarios.contains("baseline")) {
            baseline();
        }
        if (scenarios.contains("scale")) {
            backlog();
            try (ServiceProcess service = start("backlog", 0)) {
                ingest(service, "ingest-backlog", "ingest, " + settings.backlog() + " pending");
                burst(service, "burst-backlog", "burst, " + settings.backlog() + " pending");
            }
        }
        results.machine("finished", Instant.now().toString());
        System.out.println();
        System.out.println(results.table());
        results.write(work.resolve("results.json"));
        System.out.println("Written to " + work.resolve("results.json").toAbsolutePath());
    }

    private void burst(ServiceProcess service, String tag, String scenario) throws Exception {
        warmUp(service, tag);
        BurstScenario.Outcome outcome = burst.run(service, cpu(service), tag, settings.burstTexts(), settings.clinics());
        results.add(scenario, "texts", outcome.texts(), "");
        results.add(scenario, "drain time", outcome.drain().toMillis() / 1000.0, "s");
        results.add(scenario, "texts/s", outcome.perSecond(), "/s", "≥ 2,000", outcome.perSecond() >= 2000);
        results.add(scenario, "duplicates", outcome.repeated(), "", "0", outcome.repeated() == 0);
        results.add(scenario, "peak RSS", outcome.peakRssMib(), "MiB", "≤ 512", outcome.peakRssMib() <= 512);
        cpuPerText(scenario, outcome);
        System.out.printf("%s: %s%n", scenario, outcome);
    }

    /** Where the two cores went, per text sent: the service, PostgreSQL, this process (mostly the Twilio double). */
    private void cpuPerText(String scenario, BurstScenario.Outcome outcome) {
        outcome.cpuSeconds().forEach((part, seconds) ->
                results.add(scenario, "CPU per text: " + part, seconds * 1000 / outcome.texts(), "ms"));
    }

    /** A fresh JVM runs the send path interpreted for seconds: a burst first, not measured, as a running service would be warm. */
    private void warmUp(ServiceProcess service, String tag) throws Exception {
        if (settings.warmupTexts() > 0) {
            BurstScenario.Outcome warm = burst.run(service, cpu(service), tag + "-warmup", settings.warmupTexts(),
                    settings.clinics());
            System.out.printf("warm-up: %,d texts at %.0f/s%n", warm.texts(), warm.perSecond());
        }
    }

    private CpuMeter cpu(ServiceProcess service) {
        return new CpuMeter(service.pid(), work.resolve("postgresql"));
    }

    private void limited(ServiceProcess service) throws Exception {
        String scenario = "burst, " + fmt(settings.limitedMps()) + " MPS limit";
        BurstScenario.Outcome outcome = burst.run(service, cpu(service), "limited", settings.limitedTexts(),
                settings.clinics());
        double deviation = Math.abs(outcome.steadyRate() / settings.limitedMps() - 1);
        results.add(scenario, "texts", outcome.texts(), "");
        results.add(scenario, "achieved MPS", outcome.steadyRate(), "/s", "±5 %", deviation <= 0.05);
        results.add(scenario, "busiest second", outcome.peakWindow(), "texts");
        results.add(scenario, "duplicates", outcome.repeated(), "", "0", outcome.repeated() == 0);
        System.out.printf("%s: %s%n", scenario, outcome);
    }

    private void lateness() throws Exception {
        LatenessScenario.Outcome outcome = new LatenessScenario(database, seeder, twilio, burst)
                .run("lateness", settings.latenessRate(), settings.latenessSpan(), settings.clinics());
        String scenario = "lateness, " + fmt(settings.latenessRate()) + "/s for " + settings.latenessSpan().toSeconds() + " s";
        results.add(scenario, "texts", outcome.texts(), "");
        results.add(scenario, "due → sent p50", outcome.p50().toMillis(), "ms");
        results.add(scenario, "due → sent p99", outcome.p99().toMillis(), "ms", "≤ 2,000", outcome.p99().toMillis() <= 2000);
        results.add(scenario, "due → sent max", outcome.max().toMillis(), "ms");
        System.out.printf("%s: %s%n", scenario, outcome);
    }

    private void ingest(ServiceProcess service, String tag, String scenario) throws Exception {
        // Not measured: the request path compiled and the connection pools filled, as in a service that has been up.
        new IngestScenario().run(service, cpu(service), adminKey, tag + "-warmup", settings.clinics(), settings.ingestClientsPerClinic(),
                Duration.ofSeconds(10));
        IngestScenario.Outcome outcome = new IngestScenario().run(service, cpu(service), adminKey, tag, settings.clinics(),
                settings.ingestClientsPerClinic(), settings.ingestSpan());
        results.add(scenario, "sessions", outcome.sessions(), "");
        results.add(scenario, "errors", outcome.errors(), "", "0", outcome.errors() == 0);
        results.add(scenario, "sessions/s", outcome.perSecond(), "/s", "≥ 2,000", outcome.perSecond() >= 2000);
        results.add(scenario, "p50", outcome.p50().toMillis(), "ms");
        results.add(scenario, "p99", outcome.p99().toMillis(), "ms", "< 50", outcome.p99().toMillis() < 50);
        outcome.cpuSeconds().forEach((part, seconds) ->
                results.add(scenario, "CPU per session: " + part, seconds * 1000 / outcome.sessions(), "ms"));
        System.out.printf("%s: %s%n", scenario, outcome);
    }

    private void baseline() throws Exception {
        TwilioSmsGateway gateway = new TwilioSmsGateway(new TwilioAccount(LatencyTwilio.ACCOUNT_SID,
                LatencyTwilio.AUTH_TOKEN, Optional.of(LatencyTwilio.FROM), Optional.empty(), URI.create(twilio.baseUrl()),
                Optional.empty()), Duration.ofSeconds(5), Duration.ofSeconds(15), settings.baselineThreads());
        try (gateway) {
            QuartzBaseline.Outcome outcome = new QuartzBaseline(database, twilio)
                    .run(gateway, settings.baselineTexts(), settings.baselineThreads());
            String scenario = "baseline: one Quartz trigger per text, " + outcome.threads() + " threads";
            results.add(scenario, "texts", outcome.texts(), "");
            results.add(scenario, "texts/s", outcome.perSecond(), "/s");
            System.out.printf("%s: %s%n", scenario, outcome);
        }
    }

    private void backlog() {
        long started = System.nanoTime();
        List<UUID> clinics = seeder.clinics("backlog", settings.clinics());
        long people = Math.min(settings.backlog(), 100_000);
        seeder.people("backlog", clinics, people);
        long chunk = 1_000_000;
        for (long from = 0; from < settings.backlog(); from += chunk) {
            // Due over the coming days: pending, indexed, never due during the run.
            seeder.reminders("backlog", clinics, from, Math.min(settings.backlog(), from + chunk), people,
                    "now() + INTERVAL '1 day' + i * INTERVAL '40 milliseconds'");
            System.out.printf("backlog: %,d of %,d texts seeded%n", Math.min(settings.backlog(), from + chunk), settings.backlog());
        }
        database.execute("ANALYZE");
        results.add("backlog", "seeding " + settings.backlog() + " pending texts", (System.nanoTime() - started) / 1e9, "s");
    }

    private ServiceProcess start(String name, double maxPerSecond) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("AFTERCARE_DATA_DIR", work.resolve("service-data").toAbsolutePath().toString());
        env.put("AFTERCARE_ADMIN_API_KEY", adminKey);
        env.put("AFTERCARE_SMS_SENDER", "twilio");
        env.put("AFTERCARE_SMS_MAX_PER_SECOND", String.valueOf(maxPerSecond));
        env.put("AFTERCARE_TWILIO_ACCOUNT_SID", LatencyTwilio.ACCOUNT_SID);
        env.put("AFTERCARE_TWILIO_AUTH_TOKEN", LatencyTwilio.AUTH_TOKEN);
        env.put("AFTERCARE_TWILIO_FROM", LatencyTwilio.FROM);
        env.put("AFTERCARE_TWILIO_API_URL", twilio.baseUrl());
        env.putAll(settings.serviceEnv());
        return ServiceProcess.start(Path.of("target", "quarkus-app", "quarkus-run.jar"), settings.serviceJvmOptions(),
                env, freePort(), work.resolve("service-" + name + ".log"));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    static List<String> words(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
    }
}
