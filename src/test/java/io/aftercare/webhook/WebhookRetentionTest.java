package io.aftercare.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClinics.Clinic;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Events are deleted with their deliveries and attempts once every delivery is over and they are older than
 * {@code aftercare.webhooks.keep-deliveries} (30 days), a batch at a time; nothing that may still be delivered goes.
 * The rows are written as the recorder and the deliveries leave them, at times of their own (years no other test uses),
 * to an endpoint deleted at once, so that no delivery is made meanwhile.
 */
@AftercareTest
@TestProfile(WebhookProfile.class)
class WebhookRetentionTest {

    @Inject
    WebhookRetention retention;

    @Inject
    DataSource dataSource;

    @Test
    void shouldDeleteOldEventsWhoseDeliveriesAreAllOverWithTheirDeliveriesAndAttempts() throws SQLException {
        Instant now = Instant.parse("2003-06-01T12:00:00Z");
        Instant old = now.minus(Duration.ofDays(31));
        Clinic clinic = TestClinics.create();
        UUID first = endpoint(clinic);
        UUID second = endpoint(clinic);
        String allOver = event(clinic, old);
        UUID delivered = deliveryWithAttempts(allOver, first, "DELIVERED", 1);
        UUID failed = deliveryWithAttempts(allOver, second, "FAILED", 3);
        String cancelled = event(clinic, old);
        deliveryWithAttempts(cancelled, first, "CANCELLED", 0);
        String noDelivery = event(clinic, old);
        String stillPending = event(clinic, old);
        deliveryWithAttempts(stillPending, first, "CANCELLED", 0);
        deliveryWithAttempts(stillPending, second, "PENDING", 2);
        String underWay = event(clinic, old);
        deliveryWithAttempts(underWay, first, "DELIVERING", 1);
        String recent = event(clinic, now.minus(Duration.ofDays(29)));
        deliveryWithAttempts(recent, first, "DELIVERED", 1);

        assertThat(purge(now, 100)).isEqualTo(3);

        assertThat(eventsOf(clinic)).containsExactlyInAnyOrder(stillPending, underWay, recent);
        assertThat(count(
                        "SELECT count(*) FROM webhook_delivery WHERE event_id IN (?, ?, ?)",
                        allOver,
                        cancelled,
                        noDelivery))
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id"
                                + " JOIN webhook_event e ON e.id = d.event_id WHERE e.clinic_id = ?",
                        clinic.id()))
                .as("the kept events' attempts: 2 of the pending delivery, 1 each of the others")
                .isEqualTo(4);
        assertThat(count("SELECT count(*) FROM webhook_attempt WHERE delivery_id IN (?, ?)", delivered, failed))
                .isZero();
    }

    @Test
    void shouldDeleteABatchAtATimeOldestFirst() throws SQLException {
        Instant now = Instant.parse("2004-06-01T12:00:00Z");
        Clinic clinic = TestClinics.create();
        UUID endpoint = endpoint(clinic);
        List<String> events = new ArrayList<>();
        for (int day = 35; day >= 31; day--) {
            String event = event(clinic, now.minus(Duration.ofDays(day)));
            deliveryWithAttempts(event, endpoint, "DELIVERED", 1);
            events.add(event);
        }

        assertThat(purge(now, 2)).isEqualTo(2);
        assertThat(eventsOf(clinic)).containsExactlyInAnyOrderElementsOf(events.subList(2, 5));
        assertThat(purge(now, 2)).isEqualTo(2);
        assertThat(purge(now, 2)).isEqualTo(1);
        assertThat(purge(now, 2)).isZero();
        assertThat(eventsOf(clinic)).isEmpty();
    }

    @Test
    void shouldKeepEventsForTheConfiguredTime() throws SQLException {
        Instant now = Instant.parse("2005-06-01T12:00:00Z");
        Clinic clinic = TestClinics.create();
        UUID endpoint = endpoint(clinic);
        String justKept = event(clinic, now.minus(Duration.ofDays(30)).plusSeconds(60));
        deliveryWithAttempts(justKept, endpoint, "FAILED", 1);
        String justGone = event(clinic, now.minus(Duration.ofDays(30)).minusSeconds(60));
        deliveryWithAttempts(justGone, endpoint, "FAILED", 1);

        assertThat(purge(now, 100)).isEqualTo(1);
        assertThat(eventsOf(clinic)).containsExactly(justKept);
    }

    private int purge(Instant now, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> retention.purgeOlderThanRetention(now, limit));
    }

    private UUID endpoint(Clinic clinic) throws SQLException {
        UUID id = UUID.randomUUID();
        update(
                "INSERT INTO webhook_endpoint (id, clinic_id, url, events, secret, created_at, deleted_at)"
                        + " VALUES (?, ?, 'https://clinic.example.com/events', '{reply.received}', ?, now(), now())",
                id,
                clinic.id(),
                WebhookSecret.generate().text());
        return id;
    }

    private String event(Clinic clinic, Instant createdAt) throws SQLException {
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        update(
                "INSERT INTO webhook_event (id, clinic_id, type, payload, created_at)"
                        + " VALUES (?, ?, 'reply.received', '{\"data\":{\"body\":\"bleeding\"}}', ?)",
                id,
                clinic.id(),
                OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
        return id;
    }

    private UUID deliveryWithAttempts(String eventId, UUID endpointId, String status, int attempts)
            throws SQLException {
        UUID id = UUID.randomUUID();
        update(
                "INSERT INTO webhook_delivery (id, event_id, endpoint_id, status, attempts, next_attempt_at,"
                        + " give_up_at, claimed_by, claim_expires_at, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, now() + interval '1 day', now() + interval '1 day', ?, ?, now(), now())",
                id,
                eventId,
                endpointId,
                status,
                attempts,
                status.equals("DELIVERING") ? "another-node" : null,
                status.equals("DELIVERING") ? OffsetDateTime.now(ZoneOffset.UTC).plusHours(1) : null);
        for (int attempt = 1; attempt <= attempts; attempt++) {
            update(
                    "INSERT INTO webhook_attempt (delivery_id, attempt, at, duration_ms, status_code)"
                            + " VALUES (?, ?, now(), 5, 503)",
                    id,
                    attempt);
        }
        return id;
    }

    private List<String> eventsOf(Clinic clinic) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT id FROM webhook_event WHERE clinic_id = ? ORDER BY id")) {
            select.setObject(1, clinic.id());
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private long count(String sql, Object... values) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setObject(i + 1, values[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void update(String sql, Object... values) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
