package io.aftercare.reminder;

import io.aftercare.reminder.SendOutcomes.Claim;
import io.aftercare.reminder.SendOutcomes.Sent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Records many texts as sent in one statement, each fenced by its own claim, and tells observers of those written
 * ({@link TextsChanged}); {@link SendOutcomes#recordSent} runs it in its transaction.
 */
final class SentStatement {

    // SENT for many texts at once, each fenced by its own claim; each written claim comes back with what observers
    // hear of it (ChangedTexts), in the one statement.
    private static final String SENT_ALL =
            """
            WITH changed AS (
                UPDATE reminder r
                SET status = 'SENT', sent_at = s.sent_at, provider_id = s.provider_id, error = NULL, unknown_since = NULL,
                    claimed_by = NULL, claim_expires_at = NULL, updated_at = s.sent_at
                FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS int[]), CAST(? AS text[]),
                            CAST(CAST(? AS text[]) AS timestamptz[])) AS s (id, node, attempt, provider_id, sent_at)
                WHERE r.id = s.id AND r.status = 'SENDING' AND r.claimed_by = s.node AND r.attempts = s.attempt
                RETURNING %s, s.node, s.attempt)
            %s""".formatted(ChangedTexts.RETURNING, ChangedTexts.select(", ch.node, ch.attempt"));

    private final ChangedTexts changedTexts;

    SentStatement(ChangedTexts changedTexts) {
        this.changedTexts = changedTexts;
    }

    /** @return the claims that were still held, and so recorded */
    Set<Claim> write(Connection connection, List<Sent> sent) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(SENT_ALL)) {
            update.setArray(
                    1,
                    connection.createArrayOf(
                            "uuid",
                            sent.stream().map(s -> s.text().reminderId()).toArray()));
            update.setArray(
                    2,
                    connection.createArrayOf(
                            "text", sent.stream().map(s -> s.text().claimedBy()).toArray()));
            update.setArray(
                    3,
                    connection.createArrayOf(
                            "int4", sent.stream().map(s -> s.text().attempt()).toArray()));
            update.setArray(
                    4,
                    connection.createArrayOf(
                            "text", sent.stream().map(Sent::providerId).toArray()));
            update.setArray(
                    5,
                    connection.createArrayOf(
                            "text", sent.stream().map(s -> s.at().toString()).toArray()));
            Set<Claim> written = new HashSet<>();
            List<TextsChanged.Change> changes = new ArrayList<>();
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    changes.add(ChangedTexts.change(columns(rows, ChangedTexts.COLUMNS)));
                    written.add(new Claim(
                            rows.getObject(1, UUID.class),
                            rows.getString(ChangedTexts.COLUMNS + 1),
                            rows.getInt(ChangedTexts.COLUMNS + 2)));
                }
            }
            changedTexts.announce(changes);
            return written;
        }
    }

    private static Object[] columns(ResultSet row, int count) throws SQLException {
        Object[] columns = new Object[count];
        for (int i = 0; i < count; i++) {
            columns[i] = row.getObject(i + 1);
        }
        return columns;
    }
}
