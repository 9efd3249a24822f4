package io.aftercare.benchmark;

import io.aftercare.cluster.ClusterDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes clinics, clients, sessions and texts straight into the database with set-based SQL, far faster than the API
 * could: a burst of due texts appears in one commit, and a backlog of millions takes minutes instead of hours.
 */
final class TextSeeder {

    /** About the length of the plan's day-4 text: two GSM-7 segments. */
    static final String BODY = "Hi Sam, day 4 after your scalp micropigmentation session at the Benchmark Clinic: you"
            + " can now rinse your scalp with lukewarm water and pat it dry. Moisturise lightly morning and evening."
            + " Still no shampoo, gym, swimming or sun. Questions? Call +1 604 555 0100.";

    /** Before the first id of a tag: far enough back that ten million ids a millisecond apart all lie in the past. */
    private static final Duration ID_CLOCK_START = Duration.ofHours(3);

    private final ClusterDatabase database;
    private final Map<String, Long> idClockStarts = new ConcurrentHashMap<>();

    TextSeeder(ClusterDatabase database) {
        this.database = database;
    }

    /** Clinics with quiet hours off, so that a run gives the same figures at any hour. */
    List<UUID> clinics(String tag, int count) {
        List<UUID> ids =
                IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList();
        database.execute(ids.stream()
                .map(id -> "INSERT INTO clinic (id, name, phone, default_time_zone, default_locale, default_region,"
                        + " created_at, quiet_hours_start, quiet_hours_end) VALUES ('" + id + "', 'Benchmark " + tag
                        + "', '+16045550100', 'UTC', 'en', 'CA', now(), NULL, NULL)")
                .toArray(String[]::new));
        return ids;
    }

    /** Seeds {@code count} texts, one client and session each, spread over {@code clinics}, due at {@code dueAt}. */
    void texts(String tag, List<UUID> clinics, long count, String dueAt) {
        people(tag, clinics, count);
        reminders(tag, clinics, 0, count, count, dueAt);
    }

    /** Clients {@code tag-0} to {@code tag-(count-1)}, each with one session. */
    void people(String tag, List<UUID> clinics, long count) {
        String clinicOf = clinicOf(clinics, "i");
        database.execute(
                "INSERT INTO client (id, clinic_id, external_id, first_name, last_name, phone, time_zone, locale,"
                        + " created_at, updated_at)"
                        + " SELECT " + id("c", tag, "i") + ", " + clinicOf + ", '" + tag + "-' || i, 'Sam', 'Lee',"
                        + " '+1555' || lpad(i::text, 8, '0'), 'UTC', 'en', now(), now()"
                        + " FROM generate_series(0, " + (count - 1) + ") i",
                "INSERT INTO treatment_session (id, clinic_id, client_id, external_id, kind, session_number,"
                        + " final_session, ended_at, plan_version, fingerprint, warnings, status, created_at)"
                        + " SELECT " + id("s", tag, "i") + ", " + clinicOf + ", " + id("c", tag, "i") + ","
                        + " '" + tag + "-' || i, 'TREATMENT', 1, false, now() - INTERVAL '3 days', 'smp-2026.11.2',"
                        + " md5('f-" + tag + "-' || i), '', 'ACTIVE', now()"
                        + " FROM generate_series(0, " + (count - 1) + ") i");
    }

    /**
     * Texts {@code from} to {@code to - 1}, text {@code i} going to person {@code i % people}, in one commit.
     *
     * @param dueAt SQL for text {@code i}'s due instant, e.g. {@code now()} or {@code now() + i * INTERVAL '5 ms'}
     */
    void reminders(String tag, List<UUID> clinics, long from, long to, long people, String dueAt) {
        String person = "(i % " + people + ")";
        // The rows refer to clients and sessions written just before: skip the foreign key checks, row by row.
        database.execute(
                "SET LOCAL session_replication_role = replica",
                "INSERT INTO reminder (id, clinic_id, session_id, client_id, step, plan_version, body, due_at,"
                        + " status, created_at, updated_at, expires_at)"
                        + " SELECT " + id("r", tag, "i") + ", " + clinicOf(clinics, person)
                        + ", " + id("s", tag, person) + ", " + id("c", tag, person) + ","
                        + " 'day-4', 'smp-2026.11.2', '" + BODY + "', " + dueAt + ", 'SCHEDULED', now(), now(), "
                        + dueAt + " + INTERVAL '6 days' FROM generate_series(" + from + ", " + (to - 1) + ") i");
    }

    /**
     * SQL for the id the service would have given row {@code index} of a kind: a UUID version 7, its creation time
     * first (a millisecond apart from row to row), so that seeded rows sit in the indexes as the service's own do.
     */
    private String id(String kind, String tag, String index) {
        long start = idClockStarts.computeIfAbsent(tag, any -> System.currentTimeMillis() - ID_CLOCK_START.toMillis());
        String hash = "md5('" + kind + "-" + tag + "-' || " + index + ")";
        return "CAST(lpad(to_hex(" + start + " + " + index + "), 12, '0') || '7' || substr(" + hash + ", 1, 3) || '8'"
                + " || substr(" + hash + ", 4, 15) AS uuid)";
    }

    private static String clinicOf(List<UUID> clinics, String index) {
        return clinics.stream().map(id -> "'" + id + "'::uuid").collect(Collectors.joining(",", "(ARRAY[", "])"))
                + "[1 + (" + index + " % " + clinics.size() + ")]";
    }
}
