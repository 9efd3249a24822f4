package io.aftercare.benchmark;

import io.aftercare.cluster.ServiceNode;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Clinic systems posting single sessions at a fixed offered rate, whatever the service answers: an open loop. Each
 * post is started at its instant of a fixed schedule, and its latency runs from that instant to its answer, so a post
 * that had to wait for a connection or for the driver counts its wait too. A closed loop ({@link IngestScenario})
 * only shows saturation: its clients slow down with the service and hide the queue (coordinated omission).
 *
 * <p>Sessions ended 30 days ago, so most of their texts are past and skipped as a late post's are; the clinics' quiet
 * hours lie around now, as in ingest, so that nothing falls due during the run.
 */
final class OpenLoopScenario implements AutoCloseable {

    /**
     * @param achieved posts answered 201 per second, from the first scheduled start to the last answer
     * @param errors posts not answered 201, failed, or not answered at all
     * @param driverLag the furthest the driver started a post behind its schedule: more than a few milliseconds says
     *     the driver, not the service, was short of CPU
     */
    record Outcome(
            double offered,
            int posts,
            int errors,
            double achieved,
            Duration p50,
            Duration p99,
            Duration max,
            Duration driverLag,
            Map<String, Double> cpuSeconds) {

        @Override
        public String toString() {
            return "%.0f/s offered, %,d posts: %.1f/s answered 201, p50 %.1f ms, p99 %.1f ms, max %.1f ms,"
                            .formatted(offered, posts, achieved, millis(p50), millis(p99), millis(max))
                    + " %d errors, driver lag up to %.1f ms, CPU %s".formatted(errors, millis(driverLag), cpuSeconds);
        }

        private static double millis(Duration duration) {
            return duration.toNanos() / 1e6;
        }
    }

    /**
     * Connections the driver may open: far more than a rate of hundreds a second at milliseconds each needs, so that
     * below saturation no post waits for one. Past saturation, posts wait in the client's queue, and that wait counts.
     */
    private static final int CONNECTIONS = 256;

    /** Vert.x's client rather than the JDK's: one event loop, a fraction of the JDK client's CPU a request. */
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));

    private final HttpClient http = vertx.createHttpClient(
            // Connections kept through the settling between a rate's warm-up and its measured run (a minute by
            // default).
            new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(600),
            new PoolOptions().setHttp1MaxSize(CONNECTIONS));

    Outcome run(ServiceNode service, CpuMeter cpu, String tag, int clinics, double rate, Duration span)
            throws Exception {
        ClinicApi api = new ClinicApi(service);
        List<String> keys = new ArrayList<>();
        for (int c = 0; c < clinics; c++) {
            keys.add(api.onboardQuietNow(tag + "-" + c).key());
        }
        int posts = (int) Math.round(rate * span.toMillis() / 1000.0);
        Instant endedAt = Instant.now().minus(30, ChronoUnit.DAYS);
        List<Buffer> bodies = new ArrayList<>(posts);
        for (int i = 0; i < posts; i++) {
            bodies.add(Buffer.buffer(SessionBodies.session(tag + "-" + i, i, endedAt)));
        }
        String url = service.baseUrl() + "/v1/sessions";
        long interval = Math.round(1e9 / rate);
        AtomicLongArray latencies = new AtomicLongArray(posts);
        AtomicInteger errors = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong();
        AtomicBoolean firstErrorShown = new AtomicBoolean();
        CountDownLatch answered = new CountDownLatch(posts);
        long driverLag = 0;
        Map<String, Double> cpuBefore = cpu.sample();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        for (int i = 0; i < posts; i++) {
            long scheduled = start + i * interval;
            for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            driverLag = Math.max(driverLag, System.nanoTime() - scheduled);
            int post = i;
            RequestOptions request = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setAbsoluteURI(url)
                    .putHeader("Authorization", "Bearer " + keys.get(i % clinics))
                    .putHeader("Content-Type", "application/json")
                    .setIdleTimeout(TimeUnit.MINUTES.toMillis(1));
            http.request(request)
                    .compose(sending -> sending.send(bodies.get(post)))
                    .compose(response -> response.body()
                            .map(body -> response.statusCode() == 201 ? "" : response.statusCode() + " " + body))
                    .onComplete(result -> {
                        long now = System.nanoTime();
                        if (!latencies.compareAndSet(post, 0, now - scheduled)) {
                            return; // answered after the run gave up on it: counted as unanswered already
                        }
                        lastAnswer.accumulateAndGet(now, Math::max);
                        if (result.failed() || !result.result().isEmpty()) {
                            errors.incrementAndGet();
                            if (firstErrorShown.compareAndSet(false, true)) {
                                System.out.printf(
                                        "%s: first error: %.500s%n",
                                        tag, result.failed() ? result.cause() : result.result());
                            }
                        }
                        answered.countDown();
                    });
        }
        if (!answered.await(2, TimeUnit.MINUTES)) {
            // Never answered: errors, and as late as the wait for them, so that they still weigh on the percentiles.
            long now = System.nanoTime();
            for (int i = 0; i < posts; i++) {
                if (latencies.compareAndSet(i, 0, now - (start + i * interval))) {
                    errors.incrementAndGet();
                }
            }
            lastAnswer.accumulateAndGet(now, Math::max);
        }
        Map<String, Double> cpuSeconds = CpuMeter.since(cpuBefore, cpu.sample());
        long[] all = new long[posts];
        Arrays.setAll(all, latencies::get);
        Percentiles percentiles = new Percentiles(all);
        return new Outcome(
                rate,
                posts,
                errors.get(),
                (posts - errors.get()) / ((lastAnswer.get() - start) / 1e9),
                Duration.ofNanos(percentiles.at(50)),
                Duration.ofNanos(percentiles.at(99)),
                Duration.ofNanos(percentiles.at(100)),
                Duration.ofNanos(driverLag),
                cpuSeconds);
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
