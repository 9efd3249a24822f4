package io.aftercare.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Statements of several tables' owners, sent to PostgreSQL together: each owner adds its own statement (client rows
 * by the client package, texts by the reminder package...), and the caller sends them all in one round trip. The
 * driver sends the parts of a multi-statement query one after the other before a single Sync, so a post's client,
 * session and texts cost one round trip however many statements they take.
 */
public final class RoundTrip {

    /** A parameter bound as a PostgreSQL array of {@code type}: for {@code unnest}, so one SQL text writes any rows. */
    public record SqlArray(String type, Object[] values) {}

    private final List<String> statements = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();
    private final List<IntConsumer> counts = new ArrayList<>();

    /**
     * Adds a statement; its {@code ?} take {@code statementParameters} in order.
     *
     * @param onCount told how many rows the statement changed, once every statement has run
     */
    public void add(String sql, List<?> statementParameters, IntConsumer onCount) {
        statements.add(sql);
        parameters.addAll(statementParameters);
        counts.add(onCount);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** How many statements {@link #send} sends in its one round trip. */
    public int size() {
        return statements.size();
    }

    /** Runs every statement added, in order, on this connection; then tells each owner its count. */
    public void send(Connection connection) throws SQLException {
        if (statements.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", statements))) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, bindable(connection, parameters.get(i)));
            }
            statement.execute();
            int[] changed = new int[counts.size()];
            for (int i = 0; i < changed.length; i++) {
                changed[i] = statement.getUpdateCount();
                statement.getMoreResults();
            }
            for (int i = 0; i < changed.length; i++) {
                counts.get(i).accept(changed[i]);
            }
        }
    }

    private static Object bindable(Connection connection, Object parameter) throws SQLException {
        if (parameter instanceof SqlArray array) {
            // The driver sends a String[] as an array literal the server reads as the named type: one encoding for
            // every column type, without the driver's per-class array support.
            String[] literals = new String[array.values().length];
            for (int i = 0; i < literals.length; i++) {
                literals[i] = literal(array.values()[i]);
            }
            return connection.createArrayOf(array.type(), literals);
        }
        if (parameter instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return parameter;
    }

    private static String literal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        return value.toString();
    }
}
