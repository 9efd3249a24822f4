package io.aftercare.problem;

import java.sql.SQLException;

/**
 * A copy of a failure fit for the log: the class, SQL state and stack of each cause, without their messages. Messages
 * of the database driver, Hibernate or an SMS SDK may quote what a request carried (a number, a name, a text); the
 * classes and stacks are enough to find the fault.
 */
public final class RedactedFailure extends RuntimeException {

    private static final int MOST_CAUSES = 16;

    private RedactedFailure(String description, RedactedFailure cause) {
        super(description, cause, false, true);
    }

    public static RedactedFailure of(Throwable failure) {
        return copy(failure, 0);
    }

    private static RedactedFailure copy(Throwable failure, int depth) {
        Throwable cause = failure.getCause();
        boolean goesOn = cause != null && cause != failure && depth < MOST_CAUSES;
        RedactedFailure copy = new RedactedFailure(describe(failure), goesOn ? copy(cause, depth + 1) : null);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    private static String describe(Throwable failure) {
        String type = failure.getClass().getName();
        return failure instanceof SQLException sql && sql.getSQLState() != null
                ? type + " (SQLState " + sql.getSQLState() + ")"
                : type;
    }
}
