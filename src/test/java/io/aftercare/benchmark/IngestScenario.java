package io.aftercare.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.cluster.ServiceNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clinic systems posting completed sessions through the API at once, each as fast as the service answers.
 *
 * <p>The clinics' quiet hours are set around the current hour so that the texts are stored and scheduled but none
 * falls due during the run: this measures the API and its writes, not the sending (measured by the burst).
 */
final class IngestScenario {

    record Outcome(
            int sessions,
            int errors,
            double perSecond,
            Duration p50,
            Duration p99,
            Duration max,
            Map<String, Double> cpuSeconds) {}

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Outcome run(
            ServiceNode service,
            CpuMeter cpu,
            String adminKey,
            String tag,
            int clinics,
            int clientsPerClinic,
            Duration span)
            throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < clinics; i++) {
            keys.add(onboard(service, adminKey, tag + "-" + i));
        }
        int workers = clinics * clientsPerClinic;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + span.toNanos();
        long started = System.nanoTime();
        Map<String, Double> cpuBefore = cpu.sample();
        List<Future<long[]>> latencies = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            String key = keys.get(w % clinics);
            String worker = tag + "-w" + w;
            latencies.add(pool.submit(() -> postUntil(service, key, worker, end, errors)));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> worker : latencies) {
            for (long latency : worker.get()) {
                all.add(latency);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> cpuSeconds = CpuMeter.since(cpuBefore, cpu.sample());
        pool.shutdown();
        Percentiles percentiles =
                new Percentiles(all.stream().mapToLong(Long::longValue).toArray());
        return new Outcome(
                all.size(),
                errors.get(),
                (all.size() - errors.get()) / seconds,
                Duration.ofNanos(percentiles.at(50)),
                Duration.ofNanos(percentiles.at(99)),
                Duration.ofNanos(percentiles.at(100)),
                cpuSeconds);
    }

    private long[] postUntil(ServiceNode service, String key, String worker, long end, AtomicInteger errors)
            throws IOException, InterruptedException {
        long[] latencies = new long[1 << 16];
        int count = 0;
        Instant endedAt = Instant.now().minus(5, ChronoUnit.MINUTES);
        while (System.nanoTime() < end && count < latencies.length) {
            String body = SessionBodies.session(worker + "-" + count, count, endedAt);
            HttpRequest post = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/v1/sessions"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long sent = System.nanoTime();
            int status = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
            latencies[count++] = System.nanoTime() - sent;
            if (status != 201) {
                errors.incrementAndGet();
            }
        }
        return java.util.Arrays.copyOf(latencies, count);
    }

    /** A new clinic through the admin API, its quiet hours around now: @return its API key */
    private String onboard(ServiceNode service, String adminKey, String name) throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/admin/v1/clinics"))
                        .header("Authorization", "Bearer " + adminKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"name":"Benchmark %s","phone":"+1 604 555 0100","timeZone":"UTC","locale":"en","region":"CA"}""".formatted(name)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "Onboarding a clinic answered " + created.statusCode() + ": " + created.body());
        }
        String key = JSON.readTree(created.body()).path("apiKey").path("key").asText();
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        HttpResponse<String> settings = http.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/v1/clinic/settings"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("""
                                {"quietHours":{"start":"%s","end":"%s"},"optionalSteps":[]}""".formatted(
                                        now.minusHours(1).format(HOUR_MINUTE),
                                        now.plusHours(2).format(HOUR_MINUTE))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (settings.statusCode() != 200) {
            throw new IllegalStateException(
                    "Clinic settings answered " + settings.statusCode() + ": " + settings.body());
        }
        return key;
    }
}
