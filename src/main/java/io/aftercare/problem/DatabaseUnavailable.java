package io.aftercare.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Recognises failures that mean "the database cannot be reached", which deserve a 503 rather than a 500. */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            // SQLState class 08 is "connection exception"; 57P01..03 are admin shutdown and "cannot connect now".
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
