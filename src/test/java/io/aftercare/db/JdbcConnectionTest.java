package io.aftercare.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Plain JDBC in a transaction runs on the connection Hibernate uses in it: one backend, one transaction. */
@QuarkusTest
class JdbcConnectionTest {

    @Inject
    Jdbc jdbc;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldRunOnTheConnectionHibernateUsesInTheSameTransaction() {
        QuarkusTransaction.requiringNew().run(() -> {
            Object hibernate = entityManager
                    .createNativeQuery("SELECT pg_backend_pid() || ':' || txid_current()")
                    .getSingleResult();
            String plain = jdbc.inTransaction(connection -> {
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery("SELECT pg_backend_pid() || ':' || txid_current()")) {
                    row.next();
                    return row.getString(1);
                }
            });

            assertThat(plain).isEqualTo(hibernate);
        });
    }
}
