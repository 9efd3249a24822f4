package io.aftercare.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One real PostgreSQL, started from the test with zonky's embedded binaries, that several service processes share.
 * It can be stopped and started again on the same port and data directory, as an outage would.
 */
public final class ClusterDatabase implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private final Map<String, String> serverSettings;
    private EmbeddedPostgres postgres;

    private ClusterDatabase(Path dataDirectory, int port, Map<String, String> serverSettings) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.serverSettings = serverSettings;
    }

    public static ClusterDatabase start(Path dataDirectory) {
        return start(dataDirectory, Map.of());
    }

    /** @param serverSettings {@code postgresql.conf} settings on top of zonky's, e.g. {@code shared_buffers} */
    public static ClusterDatabase start(Path dataDirectory, Map<String, String> serverSettings) {
        ClusterDatabase database = new ClusterDatabase(dataDirectory, freePort(), serverSettings);
        database.startAgain();
        return database;
    }

    public synchronized void startAgain() {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "300");
            serverSettings.forEach(builder::setServerConfig);
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shuts PostgreSQL down (fast mode: open connections are cut); the data stays. */
    public synchronized void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    /** The rows of a query, each as column name to value. */
    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), username(), "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        row.put(result.getMetaData().getColumnLabel(column), result.getObject(column));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; answers how many rows it touched. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), username(), "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Update failed: " + sql, e);
        }
    }

    /** Runs statements in one transaction: all of them or none. */
    public void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), username(), "")) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Statements failed: " + String.join("; ", statements), e);
        }
    }

    /** For statements PostgreSQL runs only outside a transaction, such as VACUUM; each commits on its own. */
    public void executeEach(String... statements) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), username(), "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Statements failed: " + String.join("; ", statements), e);
        }
    }

    public long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).get(0).values().iterator().next()).longValue();
    }

    /**
     * A port free now, below the kernel's ephemeral range: a port the kernel hands out for {@code bind(0)} (a node's
     * start-up rehearsal peer, another test's server) could be taken again between this check and the node binding
     * it, as a management port once was ("Address already in use").
     */
    static int freePort() {
        int below = ephemeralPortsFrom();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = below - 1 - ThreadLocalRandom.current().nextInt(Math.min(12_000, below - 1_025));
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // Someone else's: try another.
            }
        }
        throw new IllegalStateException("No free port below " + below);
    }

    private static int ephemeralPortsFrom() {
        try {
            // readAllLines: Files.readString reads a /proc file (size 0) as its first byte only.
            int from = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .get(0)
                    .trim()
                    .split("\\s+")[0]);
            return from > 2_048 ? from : 49_152;
        } catch (IOException | RuntimeException e) {
            // Not Linux: the IANA range starts at 49152.
            return 49_152;
        }
    }
}
