package io.aftercare.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/** What the database says became of a burst, checked against what the Twilio double actually took. */
public final class SentTexts {

    private static final String BURST_TEXTS = """
            SELECT c.phone, r.status, r.provider_id, r.attempts, r.claimed_by, r.sent_at, r.due_at
            FROM reminder r JOIN client c ON c.id = r.client_id
            WHERE r.step = 'soon' AND c.phone LIKE ?
            """;

    private final Cluster cluster;
    private final Burst burst;

    public SentTexts(Cluster cluster, Burst burst) {
        this.cluster = cluster;
        this.burst = burst;
    }

    public List<Map<String, Object>> rows() {
        return cluster.database().rows(BURST_TEXTS, burst.prefix() + "%");
    }

    /** Waits until every text of the burst is recorded as sent; answers when that was seen. */
    public Instant awaitAllSent(Duration timeout) {
        int count = burst.phones().size();
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200))
                    .until(this::sentCount, sent -> sent >= count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    sentCount() + " of " + count + " texts sent after " + timeout + "; statuses: " + statuses(), e);
        }
        return Instant.now();
    }

    private long sentCount() {
        return cluster.database()
                .count(
                        "SELECT count(*) FROM reminder r JOIN client c ON c.id = r.client_id"
                                + " WHERE r.step = 'soon' AND r.status = 'SENT' AND c.phone LIKE ?",
                        burst.prefix() + "%");
    }

    /** Waits until no text of the burst is waiting or being sent any more. */
    public Instant awaitSettled(Duration timeout) {
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .until(
                            this::statuses,
                            statuses -> !statuses.containsKey("SCHEDULED") && !statuses.containsKey("SENDING"));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Texts still waiting after " + timeout + ": " + statuses(), e);
        }
        return Instant.now();
    }

    public Map<Object, Long> statuses() {
        return rows().stream().collect(Collectors.groupingBy(row -> row.get("status"), Collectors.counting()));
    }

    /**
     * Every text of the burst went to Twilio exactly once, and the database records each as sent with the sid Twilio
     * gave that very message.
     */
    public void assertEachSentExactlyOnce() {
        assertThat(cluster.twilio().duplicates()).as("texts Twilio took twice").isEmpty();
        assertThat(cluster.twilio().accepted())
                .extracting(TwilioApiDouble.Accepted::to)
                .as("numbers Twilio took a text for")
                .containsExactlyInAnyOrderElementsOf(burst.phones());
        assertSentAsTwilioRecorded(burst.phones());
    }

    /** Each text to these numbers is recorded as sent, with the sid Twilio gave that very message. */
    public void assertSentAsTwilioRecorded(List<String> phones) {
        Map<String, String> sidByPhone = cluster.twilio().accepted().stream()
                .collect(Collectors.toMap(TwilioApiDouble.Accepted::to, TwilioApiDouble.Accepted::sid));
        Set<String> wanted = Set.copyOf(phones);
        List<Map<String, Object>> rows = rows().stream()
                .filter(row -> wanted.contains((String) row.get("phone")))
                .toList();
        assertThat(rows).hasSize(phones.size());
        for (Map<String, Object> row : rows) {
            assertThat(row.get("status"))
                    .as("status of the text to %s", row.get("phone"))
                    .isEqualTo("SENT");
            assertThat(row.get("provider_id"))
                    .as("sid recorded for %s", row.get("phone"))
                    .isEqualTo(sidByPhone.get((String) row.get("phone")));
            assertThat(row.get("claimed_by")).isNull();
        }
    }
}
