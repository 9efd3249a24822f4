package io.aftercare.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.aftercare.client.Client;
import io.aftercare.clinic.Clinic;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Failed statements are logged with the driver's exception messages: those must not quote the values of a row (the
 * server's "Key (...)=(...)" detail, or a failed batch's bound parameters), which hold numbers and names.
 */
@QuarkusTest
class DriverMessagesTest {

    private static final String PHONE = "+16045550199";
    private static final String NAME = "Ottoline";

    @Inject
    EntityManager entityManager;

    @Test
    void shouldKeepTheRowOfAFailedBatchOutOfTheMessage() {
        Throwable failure =
                catchThrowable(() -> QuarkusTransaction.requiringNew().run(() -> {
                    UUID clinicId = Clinic.<Clinic>find("name", "Test Clinic").firstResult().id;
                    // Two clients with one external id: the second breaks the unique key when the batch is written.
                    entityManager.persist(client(clinicId));
                    entityManager.persist(client(clinicId));
                    entityManager.flush();
                }));

        assertThat(failure).isNotNull();
        assertThat(messages(failure))
                .contains("duplicate key")
                .doesNotContain("6045550199")
                .doesNotContain(NAME);
    }

    @Test
    void shouldKeepTheServersDetailOutOfTheMessage() {
        Throwable failure =
                catchThrowable(() -> QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = 0; i < 2; i++) {
                        entityManager
                                .createNativeQuery("INSERT INTO opt_out (clinic_id, phone, opted_out_at, source)"
                                        + " SELECT id, :phone, now(), 'test' FROM clinic WHERE name = 'Test Clinic'")
                                .setParameter("phone", PHONE)
                                .executeUpdate();
                    }
                }));

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("duplicate key").doesNotContain("6045550199");
    }

    private static Client client(UUID clinicId) {
        Client client = new Client();
        client.id = TimeOrderedIds.next();
        client.clinicId = clinicId;
        client.externalId = "duplicate-client";
        client.firstName = NAME;
        client.phone = PHONE;
        client.timeZone = "America/Vancouver";
        client.locale = "en";
        client.createdAt = Instant.now();
        client.updatedAt = client.createdAt;
        return client;
    }

    /** Every message of the chain, and of the driver's next exceptions, as a log line with its stack would show. */
    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause).append('\n');
            if (cause instanceof java.sql.SQLException sql) {
                for (var next = sql.getNextException(); next != null; next = next.getNextException()) {
                    text.append(next).append('\n');
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.toString();
    }
}
