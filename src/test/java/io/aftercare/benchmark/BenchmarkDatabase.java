package io.aftercare.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The PostgreSQL the service under test and the benchmark share: zonky's embedded server with its defaults (fsync and
 * synchronous commit off), 1 GB of shared buffers.
 */
final class BenchmarkDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    BenchmarkDatabase(Path dataDirectory) throws IOException {
        this.postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.toAbsolutePath())
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "200")
                // Room for the 10-million-text backlog's indexes, and no checkpoint storm while it is written.
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("max_wal_size", "8GB")
                .start();
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /** Runs statements in one transaction. */
    void execute(String... statements) {
        try (Connection connection = dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
