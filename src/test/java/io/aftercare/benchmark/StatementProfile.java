package io.aftercare.benchmark;

import io.aftercare.cluster.ClusterDatabase;
import java.util.List;
import java.util.Map;

/**
 * Where the database's time goes, by statement, when the run is asked for it ({@code -Dbench.statements=true}):
 * PostgreSQL's own {@code pg_stat_statements}, reset before each measured scenario and printed after it. Off by
 * default, as it costs the database a little on every statement.
 */
final class StatementProfile {

    /** The server setting that loads the module; the extension is created once the database runs. */
    static final Map<String, String> SERVER_SETTINGS =
            Map.of("shared_preload_libraries", "pg_stat_statements", "pg_stat_statements.track", "all");

    private static final int SHOWN = 15;

    private final ClusterDatabase database;
    private final boolean enabled;

    StatementProfile(ClusterDatabase database, boolean enabled) {
        this.database = database;
        this.enabled = enabled;
        if (enabled) {
            database.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
    }

    void reset() {
        if (enabled) {
            database.rows("SELECT pg_stat_statements_reset()");
        }
    }

    /** Prints the statements that took most of the database's time since the last reset, per unit of work. */
    void print(String scenario, long units) {
        if (!enabled) {
            return;
        }
        List<Map<String, Object>> top = database.rows("""
                SELECT calls, total_exec_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) AS query
                  FROM pg_stat_statements
                 ORDER BY total_exec_time DESC
                 LIMIT ?""", SHOWN);
        System.out.printf("%nStatements of %s by database time (ms per %d units of work):%n", scenario, units);
        for (Map<String, Object> row : top) {
            double total = ((Number) row.get("total_exec_time")).doubleValue();
            long calls = ((Number) row.get("calls")).longValue();
            System.out.printf(
                    "%10.3f ms/unit %9d calls %8.3f ms/call  %s%n",
                    total / Math.max(1, units), calls, total / Math.max(1, calls), row.get("query"));
        }
    }
}
