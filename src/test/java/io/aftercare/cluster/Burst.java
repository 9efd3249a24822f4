package io.aftercare.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Many clients whose first text falls due at the same moment: one session each, posted through the nodes in turn.
 * The cluster plan's first step comes five minutes after a session; once every session is in, the clock is moved on
 * for those texts (their due time is brought forward in the database), so that they all fall due together however
 * long the posting took.
 */
public final class Burst {

    private static final Duration LEAD_TIME = Duration.ofSeconds(2);

    private final String prefix;
    private final List<String> phones;
    private final Instant dueAt;

    private Burst(String prefix, List<String> phones, Instant dueAt) {
        this.prefix = prefix;
        this.phones = phones;
        this.dueAt = dueAt;
    }

    /**
     * Posts {@code count} (at most 10,000) sessions for the numbers {@code <prefix>0000...}, such as
     * {@code +1604555}; every post must be accepted.
     */
    public static Burst post(ClusterDatabase database, List<ServiceNode> nodes, String prefix, int count) {
        Instant endedAt = Instant.now();
        List<String> phones = IntStream.range(0, count)
                .mapToObj(n -> prefix + "%04d".formatted(n))
                .toList();
        ExecutorService posters = Executors.newFixedThreadPool(8);
        try {
            List<Future<ClinicClient.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ClinicClient clinic = new ClinicClient(nodes.get(i % nodes.size()));
                String phone = phones.get(i);
                answers.add(posters.submit(() -> clinic.postSession("burst-" + phone, phone, endedAt)));
            }
            for (Future<ClinicClient.Answer> answer : answers) {
                assertThat(answer.get().status())
                        .as("a burst post: %s", answer.get())
                        .isEqualTo(201);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Posting the burst failed", e);
        } finally {
            posters.shutdownNow();
        }
        System.out.printf(
                "Posted %d sessions in %d ms%n",
                count, Duration.between(endedAt, Instant.now()).toMillis());
        Instant dueAt = Instant.now().plus(LEAD_TIME);
        int moved = database.update(
                "UPDATE reminder r SET due_at = ? FROM client c WHERE c.id = r.client_id"
                        + " AND r.step = 'soon' AND r.status = 'SCHEDULED' AND c.phone LIKE ?",
                Timestamp.from(dueAt),
                prefix + "%");
        assertThat(moved).as("texts brought forward").isEqualTo(count);
        return new Burst(prefix, phones, dueAt);
    }

    /** What every number of the burst starts with. */
    public String prefix() {
        return prefix;
    }

    public List<String> phones() {
        return phones;
    }

    public Instant dueAt() {
        return dueAt;
    }
}
