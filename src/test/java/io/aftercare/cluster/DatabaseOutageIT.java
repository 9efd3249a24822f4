package io.aftercare.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops for 20 seconds (longer than Quartz's 15 s wait before it retries the database) under traffic (a clinic posting sessions, texts falling due) and comes back: posts
 * in the meantime are refused with 503 problem+json and leave nothing behind, readiness goes down, and afterwards the
 * node recovers by itself and sends every text of every accepted session exactly once.
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final String PREFIX = "+1902555";

    private record Post(String phone, Instant at, ClinicClient.Answer answer) {}

    private record Probe(Instant at, int status) {}

    private Cluster cluster;

    @AfterEach
    void tearDown() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void nodeRidesOutADatabaseOutage() throws Exception {
        cluster = Cluster.create("database-outage").start(node -> node, "node-a");
        ServiceNode node = cluster.get("node-a");
        ClinicClient clinic = new ClinicClient(node);
        clinic.quietHoursOff();
        cluster.twilio().behave(TwilioApiDouble.withLatency(Duration.ofMillis(10)));

        List<Post> posts = new CopyOnWriteArrayList<>();
        List<Probe> readiness = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService traffic = Executors.newFixedThreadPool(2);
        // The traffic and the readiness probe are paced in real time: ten posts and four probes a second, throughout.
        traffic.submit(() -> {
            for (int n = 0; n < 10_000 && running.get(); n++) {
                String phone = PREFIX + "%04d".formatted(n);
                // Ended five minutes (the plan's first step) less three seconds ago: its first text is due soon.
                Instant endedAt = Instant.now().minus(Duration.ofMinutes(5)).plusSeconds(3);
                posts.add(new Post(phone, Instant.now(), clinic.postSession("outage-" + phone, phone, endedAt)));
                ServiceNode.sleep(Duration.ofMillis(100));
            }
        });
        traffic.submit(() -> {
            while (running.get()) {
                readiness.add(new Probe(Instant.now(), node.managementStatusOf("/q/health/ready")));
                ServiceNode.sleep(Duration.ofMillis(250));
            }
        });

        // The scenario's own time: traffic for a while, the database down for the whole outage, traffic on after.
        // Five seconds: texts of the first posts (due 3 s after each) go out before the outage, later ones fall due in
        // it.
        ServiceNode.sleep(Duration.ofSeconds(5));
        Instant down = Instant.now();
        cluster.database().stop();
        ServiceNode.sleep(OUTAGE);
        cluster.database().startAgain();
        Instant up = Instant.now();
        Instant recovered = awaitFirstAcceptedPostAfter(posts, up, Duration.ofSeconds(60));
        // Two seconds more of traffic (about 20 posts) after the first accepted one: posting goes on as before.
        ServiceNode.sleep(Duration.ofSeconds(2));
        running.set(false);
        traffic.shutdown();
        assertThat(traffic.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        List<Post> accepted =
                posts.stream().filter(post -> post.answer().status() == 201).toList();
        List<Post> refused =
                posts.stream().filter(post -> post.answer().status() != 201).toList();
        assertThat(refused).as("posts refused while the database was down").isNotEmpty();
        for (Post post : refused) {
            assertThat(post.answer().status())
                    .as("answer to %s at %s: %s", post.phone(), post.at(), post.answer())
                    .isEqualTo(503);
            assertThat(post.answer().contentType()).startsWith("application/problem+json");
            assertThat(post.at()).as("refused only around the outage").isBetween(down.minusSeconds(2), recovered);
        }
        for (Post post : refused) {
            assertThat(cluster.database().count("SELECT count(*) FROM client WHERE phone = ?", post.phone()))
                    .as("rows written for the refused post to %s", post.phone())
                    .isZero();
        }
        assertThat(readiness)
                .filteredOn(probe -> probe.at().isAfter(down) && probe.at().isBefore(up))
                .extracting(Probe::status)
                .as("readiness while the database was down")
                .contains(503);
        assertThat(node.managementStatusOf("/q/health/ready"))
                .as("readiness after")
                .isEqualTo(200);

        List<String> expected = accepted.stream().map(Post::phone).toList();
        Instant allSent = awaitSent(expected, Duration.ofSeconds(120));
        assertThat(cluster.twilio().duplicates()).as("texts Twilio took twice").isEmpty();
        assertThat(cluster.twilio().accepted())
                .extracting(TwilioApiDouble.Accepted::to)
                .containsExactlyInAnyOrderElementsOf(expected);

        Map<Integer, Long> answers = new TreeMap<>(posts.stream()
                .collect(Collectors.groupingBy(post -> post.answer().status(), Collectors.counting())));
        List<Instant> downProbes = readiness.stream()
                .filter(probe -> probe.status() != 200)
                .map(Probe::at)
                .toList();
        Duration notReady = Duration.between(downProbes.get(0), downProbes.get(downProbes.size() - 1));
        ReliabilityReport.record(
                "database down " + OUTAGE.toSeconds() + " s",
                ("%d session posts, answers %s (no 5xx"
                                + " but 503 problem+json, nothing written for them); readiness reported down for %d s; first post accepted"
                                + " %.1f s after the database was back; all %d texts of accepted sessions sent exactly once %.1f s after;"
                                + " duplicates %d, lost 0")
                        .formatted(
                                posts.size(),
                                answers,
                                notReady.toSeconds(),
                                Duration.between(up, recovered).toMillis() / 1000.0,
                                expected.size(),
                                Duration.between(up, allSent).toMillis() / 1000.0,
                                cluster.twilio().duplicates().size()));
    }

    private static Instant awaitFirstAcceptedPostAfter(List<Post> posts, Instant after, Duration timeout) {
        try {
            return await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () -> posts.stream()
                                    .filter(post -> post.at().isAfter(after)
                                            && post.answer().status() == 201)
                                    .findFirst(),
                            Optional::isPresent)
                    .get()
                    .at();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("No session accepted within " + timeout + " of the database coming back", e);
        }
    }

    private Instant awaitSent(List<String> phones, Duration timeout) {
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .until(this::sentCount, sent -> sent >= phones.size());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(sentCount() + " of " + phones.size() + " texts sent within " + timeout, e);
        }
        return Instant.now();
    }

    private long sentCount() {
        return cluster.database()
                .count(
                        "SELECT count(*) FROM reminder r JOIN client c ON c.id = r.client_id"
                                + " WHERE r.step = 'soon' AND r.status = 'SENT' AND c.phone LIKE ?",
                        PREFIX + "%");
    }
}
