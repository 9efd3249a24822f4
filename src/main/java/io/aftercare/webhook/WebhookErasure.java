package io.aftercare.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Erases what the webhook tables hold of a client, in the erasure's transaction: their events' bodies lose the
 * client's words and the clinic's id of them ({@link EventScrub}), and an event left about no client is never
 * delivered again: its pending deliveries are cancelled, and a retry (of an attempt under way, of a lost claim, or by
 * hand) does not happen.
 *
 * <p>Cancelled rather than sent scrubbed: our id of the client stays in the body, and the clinic's system can link it
 * to the person from earlier events, so "client 1f3… sent an URGENT reply at 14:02" would still tell it something of
 * the person after it asked for them to be erased. An opt-out that also names another client of the clinic (a shared
 * number) is still delivered, without the erased client: the other client's STOP must reach the clinic.
 */
@ApplicationScoped
public class WebhookErasure {

    // Locked, so that a retention purge or a second erasure of a client sharing the event waits for this one.
    private static final String EVENTS_OF_CLIENT = """
            SELECT id, payload FROM webhook_event WHERE client_ids @> ARRAY[CAST(? AS uuid)] ORDER BY id FOR UPDATE
            """;

    private static final String SCRUB = """
            UPDATE webhook_event e
            SET payload = s.payload, client_ids = array_remove(e.client_ids, CAST(? AS uuid)),
                erased_at = CASE WHEN cardinality(array_remove(e.client_ids, CAST(? AS uuid))) = 0 THEN CAST(? AS timestamptz) END
            FROM unnest(CAST(? AS text[]), CAST(? AS text[])) AS s (id, payload)
            WHERE e.id = s.id
            """;

    private static final String CANCEL = """
            UPDATE webhook_delivery d SET status = 'CANCELLED', updated_at = CAST(? AS timestamptz)
            FROM webhook_event e
            WHERE e.id = d.event_id AND e.id = ANY (CAST(? AS text[])) AND e.erased_at IS NOT NULL
              AND d.status = 'PENDING'
            """;

    private final EntityManager entityManager;

    WebhookErasure(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Takes the client out of every event that names them and cancels the pending deliveries of those left about no
     * one. Runs in the caller's transaction: the client is erased from the webhook tables if and only if the rest of
     * their erasure commits.
     *
     * @return how many events named the client
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseClient(UUID clientId, Instant now) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<String> ids = new ArrayList<>();
            List<String> payloads = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(EVENTS_OF_CLIENT)) {
                select.setObject(1, clientId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                        payloads.add(EventScrub.without(rows.getString(2), clientId));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            scrub(connection, clientId, ids, payloads, now);
            try (PreparedStatement cancel = connection.prepareStatement(CANCEL)) {
                cancel.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                cancel.setArray(2, connection.createArrayOf("text", ids.toArray()));
                cancel.executeUpdate();
            }
            return ids.size();
        });
    }

    private static void scrub(
            Connection connection, UUID clientId, List<String> ids, List<String> payloads, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(SCRUB)) {
            update.setObject(1, clientId);
            update.setObject(2, clientId);
            update.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            update.setArray(4, connection.createArrayOf("text", ids.toArray()));
            update.setArray(5, connection.createArrayOf("text", payloads.toArray()));
            update.executeUpdate();
        }
    }
}
