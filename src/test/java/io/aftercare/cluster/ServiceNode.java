package io.aftercare.cluster;

import static org.awaitility.Awaitility.await;

import io.aftercare.db.LeftoverPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as a process of its own, configured
 * through its environment as an operator would, so that a test can kill it ({@code SIGKILL}), freeze it
 * ({@code SIGSTOP}/{@code SIGCONT}) or stop it ({@code SIGTERM}) like a real node. Its API and its health are on two
 * ports, both free ones: nodes share the machine.
 */
public final class ServiceNode implements AutoCloseable {

    public static final String CLINIC_KEY = "cluster-clinic-key-0123456789abcdef0123456789";
    public static final String ADMIN_KEY = "cluster-admin-key-0123456789abcdef0123456789";
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path FAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** How long the embedded PostgreSQL a killed node left running may take to stop. */
    private static final Duration LEFTOVER_STOP_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path dataDirectory;
    private final Path log;
    private final Instant started;

    private ServiceNode(
            String name, Process process, int port, int managementPort, Path dataDirectory, Path log, Instant started) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.started = started;
    }

    public static Builder named(String name, Path workDirectory) {
        return new Builder(name, workDirectory);
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Health, metrics and the OpenAPI document. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** The node's {@code AFTERCARE_DATA_DIR}; its embedded PostgreSQL, when it has one, keeps its data in it. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Instant started() {
        return started;
    }

    public Path log() {
        return log;
    }

    /**
     * {@code SIGKILL}: the node dies on the spot, with whatever it had claimed or sent. As after a {@code kill -9} of
     * the service, its embedded PostgreSQL, if it has one, runs on ({@code pg_ctl} detached it from the JVM).
     */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** {@code SIGSTOP}: the node stops dead, holding its claims and connections, as a long GC pause or a VM freeze. */
    public void freeze() {
        signal("STOP");
    }

    /** {@code SIGCONT}: the frozen node carries on from where it stopped. */
    public void thaw() {
        signal("CONT");
    }

    /** {@code SIGTERM}, then waits for the node to finish shutting down; answers its exit code. */
    public int stop() {
        process.destroy();
        if (!awaitExit(Duration.ofSeconds(60))) {
            kill();
            throw new IllegalStateException(name + " did not stop within 60 s of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    /** Kills the node if it still runs, and stops the embedded PostgreSQL it may have left: a test leaves no server. */
    @Override
    public void close() {
        if (process.isAlive()) {
            thaw();
            kill();
        }
        LeftoverPostgres.stop(dataDirectory.resolve("postgresql"), LEFTOVER_STOP_TIMEOUT);
    }

    /** GET on the node's public port, answering the status code, or -1 when it does not answer. */
    public int statusOf(String path) {
        return statusAt(baseUrl() + path);
    }

    /** GET on the node's management port ({@code /q/health/ready}, say). */
    public int managementStatusOf(String path) {
        return statusAt(managementUrl() + path);
    }

    /** GET on the node's management port: the status code (-1 when it does not answer) and the body. */
    public Answer managementGet(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + path))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "");
        }
    }

    /** A status code and body. */
    public record Answer(int status, String body) {}

    private static int statusAt(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** How long the node took from its process start to being ready. */
    public Duration awaitReady(Duration timeout) {
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200))
                    .failFast(name + " exited before it was ready; see " + log, () -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited with " + process.exitValue());
                        }
                    })
                    .until(() -> managementStatusOf("/q/health/ready") == 200);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log, e);
        }
        return Duration.between(started, Instant.now());
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void signal(String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Lets {@code duration} of real time pass, or none when it is negative (a moment already past), where the passing
     * of time is the scenario: a node kept down while texts fall due, traffic paced, an outage that lasts. To wait for
     * something to happen, poll for it with Awaitility instead.
     */
    static void sleep(Duration duration) {
        if (duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a node is started with; its environment is the only configuration, as in production. */
    public static final class Builder {

        private final String name;
        private final Path workDirectory;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private String maxHeap = "256m";

        private Builder(String name, Path workDirectory) {
            this.name = name;
            this.workDirectory = workDirectory;
            environment.put(
                    "AFTERCARE_DATA_DIR",
                    workDirectory.resolve(name).toAbsolutePath().toString());
            environment.put("AFTERCARE_BOOTSTRAP_CLINIC_NAME", "Cluster Clinic");
            environment.put("AFTERCARE_BOOTSTRAP_API_KEY", CLINIC_KEY);
            environment.put("AFTERCARE_ADMIN_API_KEY", ADMIN_KEY);
            environment.put("AFTERCARE_SMS_MAX_PER_SECOND", "0");
            environment.put("QUARKUS_LOG_CONSOLE_FORMAT", "%d{HH:mm:ss.SSS} %-5p [%c{2.}] (%t) %s%e%n");
        }

        /** The shared PostgreSQL instead of the node's own embedded one. */
        public Builder database(ClusterDatabase database) {
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
            environment.put("QUARKUS_DATASOURCE_USERNAME", database.username());
            environment.put("QUARKUS_DATASOURCE_PASSWORD", "");
            return this;
        }

        /** Sends through the Twilio SDK to this base URL (a {@link TwilioApiDouble} listener). */
        public Builder twilio(String apiUrl) {
            environment.put("AFTERCARE_SMS_SENDER", "twilio");
            environment.put("AFTERCARE_TWILIO_API_URL", apiUrl);
            environment.put("AFTERCARE_TWILIO_ACCOUNT_SID", TwilioApiDouble.ACCOUNT_SID);
            environment.put("AFTERCARE_TWILIO_AUTH_TOKEN", TwilioApiDouble.AUTH_TOKEN);
            environment.put("AFTERCARE_TWILIO_FROM", TwilioApiDouble.FROM);
            return this;
        }

        public Builder plan(Path planFile) {
            return set("AFTERCARE_PLAN_LOCATION", planFile.toAbsolutePath().toString());
        }

        public Builder set(String variable, String value) {
            environment.put(variable, value);
            return this;
        }

        public Builder maxHeap(String maxHeap) {
            this.maxHeap = maxHeap;
            return this;
        }

        /**
         * The node's wall clock runs {@code ahead} of the machine's (libfaketime, preloaded into the node's JVM only; the
         * shared PostgreSQL keeps the real time). Monotonic time stays real: the JVM hangs without it.
         *
         * @throws IllegalStateException when libfaketime is not installed (Debian package {@code faketime})
         */
        public Builder clockAhead(Duration ahead) {
            if (!Files.isReadable(FAKETIME)) {
                throw new IllegalStateException(FAKETIME + " is missing: install Debian's faketime package"
                        + " (apt-get install -y faketime) for the clock skew test");
            }
            environment.put("LD_PRELOAD", FAKETIME.toString());
            environment.put("FAKETIME", "+" + ahead.toSeconds() + "s");
            environment.put("FAKETIME_DONT_FAKE_MONOTONIC", "1");
            // Debian's build turns on its pthread_cond_timedwait workaround for this glibc, which makes the JVM's timed
            // waits return at once: its housekeeping threads spin and the service takes minutes to start.
            environment.put("FAKETIME_FORCE_MONOTONIC_FIX", "0");
            return this;
        }

        /** A JVM option of the node's own, such as a flight recording. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        public ServiceNode start() {
            if (!Files.exists(JAR)) {
                throw new IllegalStateException(JAR + " is missing: integration tests run after `mvn package`");
            }
            int port = ClusterDatabase.freePort();
            int managementPort = ClusterDatabase.freePort();
            Path log = workDirectory.resolve(name + ".log").toAbsolutePath();
            String java = ProcessHandle.current().info().command().orElse("java");
            // As the images run it: a node whose memory runs out exits, and is seen to.
            List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            builder.directory(workDirectory.toFile());
            try {
                Files.createDirectories(workDirectory);
                Instant started = Instant.now();
                return new ServiceNode(
                        name,
                        builder.start(),
                        port,
                        managementPort,
                        Path.of(environment.get("AFTERCARE_DATA_DIR")),
                        log,
                        started);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
