package io.aftercare.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One shared PostgreSQL, one Twilio double and any number of service processes, for a test that breaks things. Logs
 * and data stay under {@code target/cluster-it/<test>} for a look after a failure.
 */
public final class Cluster implements AutoCloseable {

    /** A short lease, looked for every second, so that a test sees a takeover in seconds; production uses minutes. */
    public static final Duration CLAIM_LEASE = Duration.ofSeconds(5);
    /** Retries in seconds rather than minutes, and enough of them that a 30 % fault rate never exhausts them. */
    public static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    public static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(4);

    private final Path directory;
    private final ClusterDatabase database;
    private final TwilioApiDouble twilio = new TwilioApiDouble();
    private final Map<String, ServiceNode> nodes = new LinkedHashMap<>();
    private UnaryOperator<ServiceNode.Builder> settings = UnaryOperator.identity();

    private Cluster(Path directory) {
        this.directory = directory;
        this.database = ClusterDatabase.start(directory.resolve("postgresql"));
    }

    public static Cluster create(String testName) {
        return new Cluster(freshDirectory(testName));
    }

    /** An empty {@code target/cluster-it/<testName>} for a test's processes, their logs and data. */
    public static Path freshDirectory(String testName) {
        Path directory = Path.of("target", "cluster-it", testName);
        deleteRecursively(directory);
        return directory;
    }

    /**
     * Starts nodes, each with the settings every cluster test shares plus {@code settings}: the first alone, the others
     * side by side once it is ready. On a database no node has used yet, nodes starting together race to store the
     * Quartz jobs (Quarkus checks that a job exists, then stores it), and the loser fails to start; a cluster's first
     * node makes the jobs, as docs/operations.md tells operators to do.
     */
    public Cluster start(UnaryOperator<ServiceNode.Builder> settings, String... names) {
        this.settings = settings;
        try {
            for (int i = 0; i < names.length; i++) {
                ServiceNode node = settings.apply(settingsFor(names[i])).start();
                nodes.put(names[i], node);
                if (i == 0) {
                    node.awaitReady(Duration.ofSeconds(120));
                }
            }
            nodes.values().forEach(node -> node.awaitReady(Duration.ofSeconds(120)));
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The settings of a cluster node, to start one by hand (a restart, say). */
    public ServiceNode.Builder settingsFor(String name) {
        return ServiceNode.named(name, directory)
                .database(database)
                .twilio(twilio.listenerFor(name))
                .plan(Path.of("src", "test", "resources", "plans", "cluster-plan.json"))
                .set("AFTERCARE_DISPATCH_INTERVAL", "0.5s")
                .set("AFTERCARE_DISPATCH_CLAIM_LEASE", CLAIM_LEASE.toSeconds() + "s")
                .set("AFTERCARE_DISPATCH_RELEASE_INTERVAL", "1s")
                .set("AFTERCARE_TWILIO_CONNECT_TIMEOUT", "1s")
                .set("AFTERCARE_TWILIO_RESPONSE_TIMEOUT", "2s")
                .set("AFTERCARE_DISPATCH_RETRY_DELAY", RETRY_DELAY.toSeconds() + "s")
                .set("AFTERCARE_DISPATCH_MAX_RETRY_DELAY", MAX_RETRY_DELAY.toSeconds() + "s")
                .set("AFTERCARE_DISPATCH_MAX_ATTEMPTS", "12");
    }

    /**
     * Starts one more node with the shared settings plus {@code settings}, without waiting for it to be ready: the
     * cluster does not keep it (nor restart it), the caller closes it.
     */
    public ServiceNode startExtra(String name, UnaryOperator<ServiceNode.Builder> settings) {
        return settings.apply(this.settings.apply(settingsFor(name))).start();
    }

    /** Starts again, with the same settings, every node that was killed or stopped. */
    public void restartStopped() {
        nodes.replaceAll((name, node) ->
                node.isAlive() ? node : settings.apply(settingsFor(name)).start());
        nodes.values().forEach(node -> node.awaitReady(Duration.ofSeconds(120)));
    }

    public ServiceNode get(String name) {
        ServiceNode node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("No node " + name);
        }
        return node;
    }

    public ClusterDatabase database() {
        return database;
    }

    public TwilioApiDouble twilio() {
        return twilio;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        nodes.values().forEach(ServiceNode::close);
        twilio.close();
        database.close();
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
