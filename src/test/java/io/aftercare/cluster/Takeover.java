package io.aftercare.cluster;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A node taken out mid-burst (killed or frozen), with the texts it held claimed at that moment: the ones only a
 * takeover by another node can finish.
 */
public final class Takeover {

    private final String victim;
    private final Instant at;
    private final List<UUID> stranded;

    private Takeover(String victim, Instant at, List<UUID> stranded) {
        this.victim = victim;
        this.at = at;
        this.stranded = stranded;
    }

    /** Reads what {@code node}, just taken out, still holds. */
    public static Takeover of(Cluster cluster, ServiceNode node) {
        Instant at = Instant.now();
        List<UUID> stranded = cluster
                .database()
                .rows(
                        "SELECT id FROM reminder WHERE status = 'SENDING' AND claimed_by LIKE ?",
                        "%-" + node.pid() + "-%")
                .stream()
                .map(row -> (UUID) row.get("id"))
                .toList();
        return new Takeover(node.name(), at, stranded);
    }

    public String victim() {
        return victim;
    }

    public int strandedCount() {
        return stranded.size();
    }

    /** From the node's end to the moment the last text it held was recorded as sent by another node. */
    public Optional<Duration> takeoverTime(Cluster cluster) {
        if (stranded.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> rows = cluster.database()
                .rows("SELECT max(sent_at) AS last FROM reminder WHERE id = ANY (?)", (Object)
                        stranded.toArray(UUID[]::new));
        Object last = rows.get(0).get("last");
        return last == null ? Optional.empty() : Optional.of(Duration.between(at, ((Timestamp) last).toInstant()));
    }

    public Instant at() {
        return at;
    }
}
