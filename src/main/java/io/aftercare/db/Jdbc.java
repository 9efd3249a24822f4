package io.aftercare.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain JDBC in the caller's transaction, for set-wise reads and writes that gain nothing from the ORM. Agroal enlists
 * one connection per transaction: the one handed out here is the one Hibernate uses in the same transaction
 * ({@code JdbcConnectionTest}), so both see each other's writes and commit or roll back together.
 */
@ApplicationScoped
public class Jdbc {

    /** Work on the transaction's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} on the current transaction's connection.
     *
     * @throws PersistenceException wrapping the driver's failure, as Hibernate's own are wrapped
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T inTransaction(Work<T> work) {
        // Closing the handle leaves the connection enlisted; the transaction returns it to the pool when it ends.
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    /** Sends the statements in one round trip on the current transaction's connection. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(RoundTrip trip) {
        inTransaction(connection -> {
            trip.send(connection);
            return null;
        });
    }
}
