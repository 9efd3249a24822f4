package io.aftercare.reminder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Every change of a text's status, as the database saw it: a trigger on {@code reminder} writes each one to a table of
 * its own schema (out of the public schema that erasure tests scan). It is the statements' record, not the code's
 * account of itself, so a statement nobody thought of is caught too. Created by the test in the test's database only;
 * no migration ships it.
 */
final class StatusTransitionLog {

    /** One change: {@code from} is null when the text was recorded with {@code to}. */
    record Transition(ReminderStatus from, ReminderStatus to) {

        boolean allowed() {
            return from == null
                    ? ReminderStatus.INITIAL.contains(to)
                    : from.allowedNext().contains(to);
        }

        @Override
        public String toString() {
            return (from == null ? "(recorded)" : from.name()) + " -> " + to;
        }
    }

    private static final String INSTALL = """
            CREATE SCHEMA IF NOT EXISTS test_log;
            CREATE TABLE IF NOT EXISTS test_log.reminder_transition (
                id          bigserial PRIMARY KEY,
                reminder_id uuid NOT NULL,
                old_status  text,
                new_status  text NOT NULL);
            CREATE OR REPLACE FUNCTION test_log.record_reminder_transition() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
                    INSERT INTO test_log.reminder_transition (reminder_id, old_status, new_status)
                    VALUES (NEW.id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END, NEW.status);
                END IF;
                RETURN NULL;
            END $$;
            DROP TRIGGER IF EXISTS record_transition ON reminder;
            CREATE TRIGGER record_transition AFTER INSERT OR UPDATE ON reminder
                FOR EACH ROW EXECUTE FUNCTION test_log.record_reminder_transition();
            """;

    private StatusTransitionLog() {}

    /** Starts recording, from an empty log. */
    static void start(DataSource dataSource) {
        execute(dataSource, INSTALL + "TRUNCATE test_log.reminder_transition;");
    }

    /** Stops recording: other tests sharing the application write their texts untouched. */
    static void stop(DataSource dataSource) {
        execute(
                dataSource,
                "DROP TRIGGER IF EXISTS record_transition ON reminder; DROP SCHEMA IF EXISTS test_log CASCADE;");
    }

    /** The changes recorded since {@link #start}. */
    static List<Transition> recorded(DataSource dataSource) {
        List<Transition> transitions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT old_status, new_status FROM test_log.reminder_transition ORDER BY id")) {
            while (rows.next()) {
                String from = rows.getString(1);
                transitions.add(new Transition(
                        from == null ? null : ReminderStatus.valueOf(from), ReminderStatus.valueOf(rows.getString(2))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return transitions;
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
