package io.aftercare.benchmark;

import io.aftercare.cluster.ClusterDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A steady stream of texts falling due: how late each goes out after its due instant. */
final class LatenessScenario {

    record Outcome(int texts, double perSecond, Duration p50, Duration p99, Duration max) {}

    private final ClusterDatabase database;
    private final TextSeeder seeder;
    private final LatencyTwilio twilio;
    private final BurstScenario sends;

    LatenessScenario(ClusterDatabase database, TextSeeder seeder, LatencyTwilio twilio, BurstScenario sends) {
        this.database = database;
        this.seeder = seeder;
        this.twilio = twilio;
        this.sends = sends;
    }

    Outcome run(String tag, double perSecond, Duration span, int clinics) throws InterruptedException {
        List<UUID> clinicIds = seeder.clinics(tag, clinics);
        int texts = (int) Math.round(perSecond * span.toSeconds());
        long stepMicros = Math.round(1_000_000 / perSecond);
        twilio.reset();
        // Seeded ahead of time; the first falls due a few seconds after the commit.
        Instant first = Instant.now().plusSeconds(10);
        seeder.texts(
                tag, clinicIds, texts, "TIMESTAMPTZ '" + first + "' + i * INTERVAL '" + stepMicros + " microseconds'");
        sends.awaitSent(texts);
        String clinicList = clinicIds.stream()
                .map(id -> "'" + id + "'")
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        Map<String, Object> late = database.rows("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY late) AS p50,
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY late) AS p99, max(late) AS worst
                FROM (SELECT extract(epoch FROM sent_at - due_at) * 1000 AS late FROM reminder
                      WHERE clinic_id IN (%s) AND status = 'SENT') sent
                """.formatted(clinicList)).get(0);
        return new Outcome(
                texts, perSecond, millis(late.get("p50")), millis(late.get("p99")), millis(late.get("worst")));
    }

    private static Duration millis(Object value) {
        return Duration.ofMillis(Math.round(((Number) value).doubleValue()));
    }
}
