package io.aftercare.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL of the service's own, started before the application when no database is configured: one node trying
 * the service out, with its data under {@code AFTERCARE_DATA_DIR} ({@code ./data}). Production points
 * {@code QUARKUS_DATASOURCE_JDBC_URL} at a real PostgreSQL, and then nothing is started here.
 *
 * <p>Started at run time rather than by a build-time extension so that the data directory is read from the
 * environment the jar runs in, the port is a free one (several nodes may share a machine), and a node with an
 * external database runs no idle PostgreSQL at all.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String URL_VARIABLE = "QUARKUS_DATASOURCE_JDBC_URL";
    /** How long a PostgreSQL left running by a service that died may take to stop (a checkpoint, usually a second). */
    private static final Duration LEFTOVER_STOP_TIMEOUT = Duration.ofSeconds(60);

    private EmbeddedDatabase() {}

    /**
     * Starts the embedded PostgreSQL unless a JDBC URL is configured, and points the datasource at it through system
     * properties. It stops when the JVM does (the library's own shutdown hook); one that a killed service left running
     * on the data directory is stopped first.
     */
    public static Optional<EmbeddedPostgres> startUnlessConfigured() {
        if (configured(System.getProperty(URL_PROPERTY)) || configured(System.getenv(URL_VARIABLE))) {
            return Optional.empty();
        }
        Path dataDirectory = Path.of(Optional.ofNullable(System.getenv("AFTERCARE_DATA_DIR"))
                        .filter(EmbeddedDatabase::configured)
                        .orElse("data"))
                .resolve("postgresql")
                .toAbsolutePath();
        LeftoverPostgres.stop(dataDirectory, LEFTOVER_STOP_TIMEOUT);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // The library tunes PostgreSQL for throwaway test databases; these texts must survive a crash.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            System.setProperty(URL_PROPERTY, "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
            System.setProperty("quarkus.datasource.username", "postgres");
            System.setProperty("quarkus.datasource.password", "postgres");
            LOG.infof(
                    "No database configured (%s): started the embedded PostgreSQL on port %d with its data in %s",
                    URL_VARIABLE, postgres.getPort(), dataDirectory);
            return Optional.of(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static boolean configured(String value) {
        return value != null && !value.isBlank();
    }
}
