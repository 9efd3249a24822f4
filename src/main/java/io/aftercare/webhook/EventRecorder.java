package io.aftercare.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.config.AftercareConfig;
import io.aftercare.db.TimeOrderedIds;
import io.aftercare.optout.OptOutChanged;
import io.aftercare.pause.SendingPauseChanged;
import io.aftercare.reminder.TextsChanged;
import io.aftercare.reply.ReplyReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Turns what other features report into events and deliveries, in the transaction that recorded the change, so an
 * event exists if and only if its change committed. Texts change by the hundred on the sending path: a batch costs one
 * indexed read when no endpoint of those clinics listens, and one more statement when some do.
 */
// Over 150 lines: one observer per kind of change and the two statements (listeners' read, events' and deliveries'
// insert) they share; the payloads are in Payloads.
@ApplicationScoped
class EventRecorder {

    private static final String SUBSCRIBERS = """
            SELECT id, clinic_id, events FROM webhook_endpoint
            WHERE clinic_id = ANY (CAST(? AS uuid[])) AND disabled_at IS NULL AND deleted_at IS NULL
            """;

    // Both inserts in one statement; the endpoint is read again so that one deleted meanwhile gets nothing.
    private static final String INSERT = """
            WITH event AS (
                INSERT INTO webhook_event (id, clinic_id, type, payload, client_ids, created_at)
                SELECT e.id, e.clinic_id, e.type, e.payload, CAST(string_to_array(e.client_ids, ',') AS uuid[]), ?
                FROM unnest(CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS text[]))
                     AS e (id, clinic_id, type, payload, client_ids)
            )
            INSERT INTO webhook_delivery (id, event_id, endpoint_id, status, attempts, next_attempt_at, give_up_at,
                                          created_at, updated_at)
            SELECT d.id, d.event_id, d.endpoint_id, 'PENDING', 0, ?, ?, ?, ?
            FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS uuid[])) AS d (id, event_id, endpoint_id)
            JOIN webhook_endpoint w ON w.id = d.endpoint_id AND w.deleted_at IS NULL
            """;

    private record Subscriber(UUID endpointId, UUID clinicId, List<String> events) {}

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration giveUpAfter;

    EventRecorder(EntityManager entityManager, ObjectMapper json, Clock clock, AftercareConfig config) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
        this.giveUpAfter = config.webhooks().giveUpAfter();
    }

    @Transactional
    void on(@Observes TextsChanged changes) {
        record(changes.changes().stream()
                .map(Payloads::of)
                .flatMap(Optional::stream)
                .toList());
    }

    @Transactional
    void on(@Observes ReplyReceived reply) {
        record(List.of(Payloads.of(reply)));
    }

    @Transactional
    void on(@Observes OptOutChanged change) {
        record(List.of(Payloads.of(change)));
    }

    @Transactional
    void on(@Observes SendingPauseChanged change) {
        record(List.of(Payloads.of(change)));
    }

    private void record(List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            List<Subscriber> subscribers = subscribers(connection, events);
            if (!subscribers.isEmpty()) {
                insert(connection, events, subscribers);
            }
        });
    }

    private static List<Subscriber> subscribers(Connection connection, List<NewEvent> events) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SUBSCRIBERS)) {
            select.setArray(
                    1,
                    connection.createArrayOf(
                            "uuid",
                            events.stream().map(NewEvent::clinicId).distinct().toArray()));
            List<Subscriber> subscribers = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    subscribers.add(new Subscriber(
                            rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), List.of((String[])
                                    rows.getArray(3).getArray())));
                }
            }
            return subscribers;
        }
    }

    private void insert(Connection connection, List<NewEvent> events, List<Subscriber> subscribers)
            throws SQLException {
        Map<UUID, List<Subscriber>> byClinic = new HashMap<>();
        subscribers.forEach(s ->
                byClinic.computeIfAbsent(s.clinicId(), id -> new ArrayList<>()).add(s));
        List<Object> eventIds = new ArrayList<>();
        List<Object> clinicIds = new ArrayList<>();
        List<Object> types = new ArrayList<>();
        List<Object> payloads = new ArrayList<>();
        // Each event's client ids joined by commas: a statement cannot take an array of arrays of differing lengths.
        List<Object> eventClients = new ArrayList<>();
        List<Object> deliveryIds = new ArrayList<>();
        List<Object> deliveryEvents = new ArrayList<>();
        List<Object> endpointIds = new ArrayList<>();
        for (NewEvent event : events) {
            List<Subscriber> listening = byClinic.getOrDefault(event.clinicId(), List.of()).stream()
                    .filter(s -> s.events().contains(event.type().value()))
                    .toList();
            if (listening.isEmpty()) {
                continue; // no endpoint wants it: the event is not kept either
            }
            String eventId = "msg_" + TimeOrderedIds.next().toString().replace("-", "");
            eventIds.add(eventId);
            clinicIds.add(event.clinicId());
            types.add(event.type().value());
            payloads.add(body(event));
            eventClients.add(event.clientIds().stream().map(UUID::toString).collect(Collectors.joining(",")));
            for (Subscriber subscriber : listening) {
                deliveryIds.add(TimeOrderedIds.next());
                deliveryEvents.add(eventId);
                endpointIds.add(subscriber.endpointId());
            }
        }
        if (eventIds.isEmpty()) {
            return;
        }
        Instant instant = clock.instant();
        OffsetDateTime now = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        OffsetDateTime giveUpAt = OffsetDateTime.ofInstant(instant.plus(giveUpAfter), ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, now);
            insert.setArray(2, connection.createArrayOf("text", eventIds.toArray()));
            insert.setArray(3, connection.createArrayOf("uuid", clinicIds.toArray()));
            insert.setArray(4, connection.createArrayOf("text", types.toArray()));
            insert.setArray(5, connection.createArrayOf("text", payloads.toArray()));
            insert.setArray(6, connection.createArrayOf("text", eventClients.toArray()));
            insert.setObject(7, now);
            insert.setObject(8, giveUpAt);
            insert.setObject(9, now);
            insert.setObject(10, now);
            insert.setArray(11, connection.createArrayOf("uuid", deliveryIds.toArray()));
            insert.setArray(12, connection.createArrayOf("text", deliveryEvents.toArray()));
            insert.setArray(13, connection.createArrayOf("uuid", endpointIds.toArray()));
            insert.executeUpdate();
        }
    }

    private String body(NewEvent event) {
        try {
            return json.writeValueAsString(new Payloads.Body(event.type().value(), event.timestamp(), event.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event's data is plain values", e);
        }
    }
}
