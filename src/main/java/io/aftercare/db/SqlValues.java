package io.aftercare.db;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/** Reads values of native query results, whose Java types depend on the JDBC driver and Hibernate's mapping. */
public final class SqlValues {

    private SqlValues() {}

    /** A {@code time} column as a local time; null stays null. */
    public static LocalTime localTime(Object column) {
        if (column == null) {
            return null;
        }
        return column instanceof Time time ? time.toLocalTime() : (LocalTime) column;
    }

    /** A {@code timestamptz} column as an instant; null stays null. */
    public static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (column instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) column;
    }
}
