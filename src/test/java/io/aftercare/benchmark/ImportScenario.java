package io.aftercare.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.cluster.ClusterDatabase;
import io.aftercare.cluster.ServiceNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Clinics moving in: each clinic's system imports its share of the sessions through {@code POST /v1/sessions/batch},
 * one batch after another, all clinics at once. Sessions as in {@link IngestScenario} (ended minutes ago, quiet hours
 * around now), so every text is scheduled and none falls due during the run.
 *
 * <p>Any item answered other than 201 is an error here: every session is new. Sessions and texts are counted from
 * the database afterwards, not from the answers, so that a batch answered but not (wholly) written shows.
 */
final class ImportScenario {

    /**
     * @param errors items not answered 201 (a batch not answered 200 counts all its items)
     * @param sessionsStored sessions of the run's clinics in the database afterwards
     * @param textsScheduled texts of the run's clinics waiting to go out ({@code SCHEDULED}) afterwards
     * @param latencies of each batch, from its request to its whole answer
     */
    record Outcome(
            int sessions,
            int batches,
            int errors,
            long sessionsStored,
            long textsScheduled,
            Duration elapsed,
            Percentiles latencies,
            Map<String, Double> cpuSeconds) {

        double sessionsPerSecond() {
            return sessionsStored / seconds();
        }

        double textsPerSecond() {
            return textsScheduled / seconds();
        }

        private double seconds() {
            return elapsed.toNanos() / 1e9;
        }

        @Override
        public String toString() {
            return "%,d sessions in %,d batches, %.1f s: %.0f sessions/s, %.0f texts/s, batch p50 %d ms, p99 %d ms,"
                            .formatted(
                                    sessions,
                                    batches,
                                    seconds(),
                                    sessionsPerSecond(),
                                    textsPerSecond(),
                                    latencies.at(50) / 1_000_000,
                                    latencies.at(99) / 1_000_000)
                    + " %d errors, %,d sessions and %,d texts stored, CPU %s"
                            .formatted(errors, sessionsStored, textsScheduled, cpuSeconds);
        }
    }

    private record Batch(String body, int items) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ClusterDatabase database;

    ImportScenario(ClusterDatabase database) {
        this.database = database;
    }

    /** @param sessions in all, shared evenly by {@code clinics}, each clinic importing with one client */
    Outcome run(ServiceNode service, CpuMeter cpu, String tag, int clinics, int sessions, int batchSize)
            throws Exception {
        ClinicApi api = new ClinicApi(service);
        List<ClinicApi.Clinic> onboarded = new ArrayList<>();
        List<List<Batch>> batches = new ArrayList<>();
        Instant endedAt = Instant.now().minus(5, ChronoUnit.MINUTES);
        for (int c = 0; c < clinics; c++) {
            onboarded.add(api.onboardQuietNow(tag + "-" + c));
            // Written before the clock starts: the driver's share of the CPU is its HTTP and JSON, not the bodies.
            batches.add(bodies(tag + "-" + c, sessions / clinics, batchSize, endedAt));
        }
        int posted = (sessions / clinics) * clinics;
        ExecutorService pool = Executors.newFixedThreadPool(clinics);
        AtomicInteger errors = new AtomicInteger();
        Map<String, Double> cpuBefore = cpu.sample();
        long started = System.nanoTime();
        List<Future<List<Long>>> clients = new ArrayList<>();
        for (int c = 0; c < clinics; c++) {
            String key = onboarded.get(c).key();
            List<Batch> clinicBatches = batches.get(c);
            clients.add(pool.submit(() -> post(service, key, clinicBatches, errors)));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<List<Long>> client : clients) {
            latencies.addAll(client.get());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Map<String, Double> cpuSeconds = CpuMeter.since(cpuBefore, cpu.sample());
        pool.shutdown();
        String clinicIds =
                onboarded.stream().map(clinic -> "'" + clinic.id() + "'").collect(Collectors.joining(","));
        return new Outcome(
                posted,
                latencies.size(),
                errors.get(),
                database.count("SELECT count(*) FROM treatment_session WHERE clinic_id IN (" + clinicIds + ")"),
                database.count("SELECT count(*) FROM reminder WHERE clinic_id IN (" + clinicIds
                        + ") AND status = 'SCHEDULED'"),
                elapsed,
                new Percentiles(latencies.stream().mapToLong(Long::longValue).toArray()),
                cpuSeconds);
    }

    /** One clinic's import: its batches one after another. @return each batch's latency in nanoseconds */
    private List<Long> post(ServiceNode service, String key, List<Batch> batches, AtomicInteger errors)
            throws IOException, InterruptedException {
        List<Long> latencies = new ArrayList<>();
        for (Batch batch : batches) {
            HttpRequest post = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/v1/sessions/batch"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofString(batch.body()))
                    .build();
            long sent = System.nanoTime();
            HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - sent);
            errors.addAndGet(notCreated(answer, batch.items()));
        }
        return latencies;
    }

    /** Items of a batch not answered 201, in their place: the contract answers each item, in order. */
    static int notCreated(HttpResponse<String> answer, int items) throws IOException {
        if (answer.statusCode() != 200) {
            System.out.printf("import: a batch of %d answered %d: %.500s%n", items, answer.statusCode(), answer.body());
            return items;
        }
        return notCreated(JSON.readTree(answer.body()), items);
    }

    static int notCreated(JsonNode answer, int items) {
        JsonNode results = answer.path("results");
        int created = 0;
        for (int i = 0; i < Math.min(items, results.size()); i++) {
            JsonNode result = results.get(i);
            if (result.path("index").asInt(-1) == i && result.path("status").asInt() == 201) {
                created++;
            } else if (created == i) {
                // The first failure of the batch, so that a smoke run says why without flooding the log.
                System.out.printf("import: item %d answered %.500s%n", i, result);
            }
        }
        if (answer.path("created").asInt(-1) != created) {
            System.out.printf(
                    "import: the answer counts %s created, its results %d%n", answer.path("created"), created);
        }
        return items - created;
    }

    /** A clinic's sessions as JSON arrays of {@code batchSize} sessions. */
    private static List<Batch> bodies(String clinic, int sessions, int batchSize, Instant endedAt) {
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < sessions; from += batchSize) {
            int to = Math.min(sessions, from + batchSize);
            StringBuilder body = new StringBuilder("[");
            for (int i = from; i < to; i++) {
                body.append(i == from ? "" : ",").append(SessionBodies.session(clinic + "-" + i, i, endedAt));
            }
            batches.add(new Batch(body.append("]").toString(), to - from));
        }
        return batches;
    }
}
