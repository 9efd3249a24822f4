package io.aftercare.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as a process of its own. */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Duration startup;
    private final AtomicLong peakRssKb = new AtomicLong();
    private final ScheduledExecutorService rssSampler = Executors.newSingleThreadScheduledExecutor();

    private ServiceProcess(Process process, int port, Duration startup) {
        this.process = process;
        this.port = port;
        this.startup = startup;
        rssSampler.scheduleAtFixedRate(this::sampleRss, 0, 100, TimeUnit.MILLISECONDS);
    }

    /** Starts the jar with {@code env} added to this process' environment and waits until it reports ready. */
    static ServiceProcess start(Path jar, List<String> jvmOptions, Map<String, String> env, int port, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        Files.createDirectories(log.getParent());
        long started = System.nanoTime();
        Process process = builder.start();
        awaitReady(process, port, log);
        return new ServiceProcess(process, port, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void awaitReady(Process process, int port, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The service was not ready within 3 minutes; see " + log);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Duration startup() {
        return startup;
    }

    long pid() {
        return process.pid();
    }

    /** The highest resident set size sampled since the last reset, in MiB. */
    long peakRssMib() {
        sampleRss();
        return peakRssKb.get() / 1024;
    }

    void resetPeakRss() {
        peakRssKb.set(0);
    }

    private void sampleRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    peakRssKb.accumulateAndGet(kb, Math::max);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process has exited
        }
    }

    @Override
    public void close() throws InterruptedException {
        rssSampler.shutdownNow();
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
