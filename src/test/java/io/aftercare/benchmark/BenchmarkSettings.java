package io.aftercare.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sizes of a benchmark run, each a {@code -Dbench.<name>} system property; the defaults are the README's run.
 *
 * @param serviceHeap the service's largest heap ({@code -Xmx}): 256 MB, as in a container of 512 MB
 * @param serviceJvmOptions more JVM options of the service, such as {@code -XX:StartFlightRecording=...}
 * @param serviceEnv extra environment of the service, {@code -Dbench.service-env="AFTERCARE_DISPATCH_CONCURRENCY=64 ..."}
 * @param webhookTexts the burst of the webhook scenario, once without an endpoint and once with
 * @param webhookLatency how long the clinics' webhook receiver takes to answer
 * @param webhookRuns the webhook scenario's runs, each on a service of its own with this extra environment (the first,
 *     empty: the defaults); {@code -Dbench.webhook-runs} separates runs with {@code ;} and a run's pairs with spaces,
 *     {@code defaults} standing for none
 * @param importSessions sessions of a measured import ({@code import}), shared evenly by the clinics, one importing
 *     client each: 20,000
 * @param importBatch sessions in each {@code POST /v1/sessions/batch}: 500
 * @param importWarmupSessions sessions of the unmeasured import before each measured one: 10,000
 * @param openLoopRates offered rates of single posts ({@code openloop}), each measured on its own: 150 and 400 a second
 * @param openLoopSpan how long each open-loop rate is measured: 30 s
 * @param openLoopWarmup how long each rate is offered, unmeasured, before it is measured: 10 s
 * @param scaleScenarios what {@code scale} runs on the backlog, in this order (any of burst, ingest, import,
 *     openloop): all four
 */
record BenchmarkSettings(
        Set<String> scenarios,
        Duration latency,
        int clinics,
        int burstTexts,
        int warmupTexts,
        int limitedTexts,
        double limitedMps,
        double latenessRate,
        Duration latenessSpan,
        Duration ingestSpan,
        Duration ingestWarmup,
        int ingestClientsPerClinic,
        long backlog,
        int baselineTexts,
        int baselineThreads,
        String serviceHeap,
        List<String> serviceJvmOptions,
        Map<String, String> serviceEnv,
        int webhookTexts,
        Duration webhookLatency,
        List<Map<String, String>> webhookRuns,
        int importSessions,
        int importBatch,
        int importWarmupSessions,
        List<Double> openLoopRates,
        Duration openLoopSpan,
        Duration openLoopWarmup,
        Set<String> scaleScenarios,
        boolean statements) {

    static BenchmarkSettings fromSystemProperties() {
        return new BenchmarkSettings(
                Set.of(property("scenarios", "burst,lateness,ingest,import,openloop,limited,webhooks,baseline,scale")
                        .split(",")),
                Duration.ofMillis(Long.parseLong(property("latency-ms", "50"))),
                Integer.parseInt(property("clinics", "4")),
                Integer.parseInt(property("burst-texts", "100000")),
                Integer.parseInt(property("warmup-texts", "20000")),
                Integer.parseInt(property("limited-texts", "6000")),
                Double.parseDouble(property("limited-mps", "100")),
                Double.parseDouble(property("lateness-rate", "200")),
                Duration.ofSeconds(Long.parseLong(property("lateness-seconds", "120"))),
                Duration.ofSeconds(Long.parseLong(property("ingest-seconds", "60"))),
                Duration.ofSeconds(Long.parseLong(property("ingest-warmup-seconds", "30"))),
                Integer.parseInt(property("ingest-clients-per-clinic", "8")),
                Long.parseLong(property("backlog", "10000000")),
                Integer.parseInt(property("baseline-texts", "3000")),
                Integer.parseInt(property("baseline-threads", "16")),
                property("service-heap", "256m"),
                Benchmark.words(property("service-jvm", "")),
                env(property("service-env", "")),
                Integer.parseInt(property("webhook-texts", "20000")),
                Duration.ofMillis(Long.parseLong(property("webhook-latency-ms", "50"))),
                Arrays.stream(property(
                                        "webhook-runs",
                                        "defaults;AFTERCARE_WEBHOOKS_CONCURRENCY=64"
                                                + " AFTERCARE_WEBHOOKS_MAX_IN_FLIGHT_PER_ENDPOINT=16")
                                .split(";"))
                        .map(run -> env(run.strip().equals("defaults") ? "" : run))
                        .toList(),
                Integer.parseInt(property("import-sessions", "20000")),
                Integer.parseInt(property("import-batch", "500")),
                Integer.parseInt(property("import-warmup-sessions", "10000")),
                Arrays.stream(property("open-loop-rates", "150,400").split(","))
                        .map(rate -> Double.parseDouble(rate.strip()))
                        .toList(),
                Duration.ofSeconds(Long.parseLong(property("open-loop-seconds", "30"))),
                Duration.ofSeconds(Long.parseLong(property("open-loop-warmup-seconds", "10"))),
                Set.of(property("scale-scenarios", "burst,ingest,import,openloop")
                        .split(",")),
                Boolean.parseBoolean(property("statements", "false")));
    }

    private static Map<String, String> env(String pairs) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String pair : Benchmark.words(pairs)) {
            String[] parts = pair.split("=", 2);
            env.put(parts[0], parts[1]);
        }
        return env;
    }

    private static String property(String name, String fallback) {
        return System.getProperty("bench." + name, fallback);
    }
}
