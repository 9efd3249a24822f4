package io.aftercare.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.cluster.TwilioApiDouble.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Two nodes from the packaged jar share one PostgreSQL and drain bursts of 1,000 texts while one of them is killed
 * ({@code SIGKILL}) at three points of a send, frozen ({@code SIGSTOP}) past its lease, or stopped ({@code SIGTERM}),
 * and a burst of 400 while a third node's clock runs 150 s ahead. Every text must be sent exactly once, and the
 * database must agree with what Twilio took.
 */
// Alone, after the ITs that run two at a time (pom.xml): its bursts fill both cores, and its timings are the reference.
@Isolated
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeClusterIT {

    // Enough for each node to hold hundreds of claims when it is struck at its 300th request; each 500 more costs the
    // suite about 5 s of posting per scenario.
    private static final int TEXTS = 1_000;
    /** The struck node's request at which it is struck: well into the burst, with a claimed batch in hand. */
    private static final int FATAL_REQUEST = 300;

    private static final Duration LATENCY = Duration.ofMillis(10);
    /** How far ahead the skewed node's clock runs, and how many texts fall due while it does. */
    private static final Duration SKEW = Duration.ofSeconds(150);

    private static final int SKEW_TEXTS = 400;

    private Cluster cluster;
    private final AtomicReference<Takeover> takeover = new AtomicReference<>();
    private final AtomicBoolean struck = new AtomicBoolean();

    @BeforeAll
    void startCluster() {
        cluster = Cluster.create("two-nodes").start(node -> node, "node-a", "node-b");
        new ClinicClient(cluster.get("node-a")).quietHoursOff();
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void bothNodesUp() {
        cluster.restartStopped();
        cluster.twilio().reset();
        takeover.set(null);
        struck.set(false);
    }

    @Test
    void nodeKilledAsTheBurstFallsDueBeforeItClaimedAny() {
        cluster.twilio().behave(TwilioApiDouble.withLatency(LATENCY));
        Burst burst = postBurst("+1604555");

        // The kill comes at a chosen moment, just before the burst falls due: waiting for it is the scenario.
        ServiceNode.sleep(Duration.between(Instant.now(), burst.dueAt().minusMillis(200)));
        takeover.set(kill("node-a"));

        drainAndCheck(burst, "kill -9 before claim");
    }

    @Test
    void nodeKilledWithTextsClaimedButNotSent() {
        cluster.twilio()
                .behave(call -> strikes(call)
                        ? Reply.drop(false).before(() -> takeover.set(kill(call.via())))
                        : Reply.acceptAfter(LATENCY));
        Burst burst = postBurst("+1778555");

        drainAndCheck(burst, "kill -9 after claim, before send");
        assertThat(takeover.get().strandedCount())
                .as("texts the dead node held")
                .isPositive();
    }

    @Test
    void nodeKilledAfterTwilioTookATextBeforeItRecordedIt() {
        AtomicReference<String> takenFromTheDying = new AtomicReference<>();
        cluster.twilio().behave(call -> {
            if (strikes(call)) {
                takenFromTheDying.set(call.to());
                return Reply.accept().before(() -> takeover.set(kill(call.via())));
            }
            return Reply.acceptAfter(LATENCY);
        });
        Burst burst = postBurst("+1250555");

        drainAndCheck(burst, "kill -9 after send, before commit");
        // Found by the survivor's look at Twilio's message list, and recorded under the sid the dead node got.
        assertThat(cluster.twilio().accepted())
                .filteredOn(message -> message.to().equals(takenFromTheDying.get()))
                .singleElement()
                .extracting(TwilioApiDouble.Accepted::via)
                .isEqualTo(takeover.get().victim());
    }

    /**
     * The struck node's sends in flight are held at Twilio until none is left on its way, then the node is frozen and
     * Twilio takes them: the node froze between sending and recording. It is woken once the other node has taken over
     * and sent everything; its late records and its sends of texts it had claimed must all be refused.
     */
    @Test
    void frozenNodeWakesAfterItsLeaseAndIsRefused() {
        AtomicReference<String> frozen = new AtomicReference<>();
        HeldCalls held = new HeldCalls(Duration.ofMillis(500));
        cluster.twilio().behave(call -> {
            if (strikes(call)) {
                frozen.set(call.via());
            }
            if (call.via().equals(frozen.get()) && takeover.get() == null) {
                held.holdUntilQuiet(() -> {
                    ServiceNode node = cluster.get(call.via());
                    node.freeze();
                    takeover.set(Takeover.of(cluster, node));
                });
            }
            return Reply.acceptAfter(LATENCY);
        });
        Burst burst = postBurst("+1416555");

        SentTexts texts = new SentTexts(cluster, burst);
        Instant allSent = texts.awaitAllSent(Duration.ofSeconds(120));
        ServiceNode sleeper = cluster.get(frozen.get());
        int callsBeforeWaking = callsBy(sleeper);
        sleeper.thaw();
        // Woken past its lease, the node has lost its claims: for a lease's time it must send nothing at all ...
        await().during(Cluster.CLAIM_LEASE)
                .atMost(Cluster.CLAIM_LEASE.plusSeconds(10))
                .alias("no send by the node after it woke")
                .until(() -> callsBy(sleeper) == callsBeforeWaking);
        // ... and try to record what Twilio took from it before it froze, which is refused.
        await().atMost(Duration.ofSeconds(30))
                .alias("the woken node's late records refused")
                .until(() -> read(sleeper).contains("was lost before its outcome was recorded"));

        texts.assertEachSentExactlyOnce();
        assertThat(cluster.twilio().callsPerNode().get(sleeper.name()))
                .as("sends by the node after it woke")
                .isEqualTo(callsBeforeWaking);
        String log = read(sleeper);
        assertThat(log).as("late records refused").contains("was lost before its outcome was recorded");
        report(
                burst,
                "SIGSTOP past the lease, then SIGCONT",
                allSent,
                " late records refused: %d, late sends refused: %d"
                        .formatted(
                                count(log, "was lost before its outcome was recorded"),
                                count(log, "ran out before it could be sent")));
    }

    @Test
    void stoppedNodeFinishesItsSendsAndHandsBackTheRest() {
        Duration latency = Duration.ofMillis(100);
        AtomicReference<CompletableFuture<Integer>> stopping = new AtomicReference<>();
        AtomicReference<ServiceNode> stopped = new AtomicReference<>();
        cluster.twilio().behave(call -> {
            if (strikes(call)) {
                stopped.set(cluster.get(call.via()));
                stopping.set(CompletableFuture.supplyAsync(() -> stopped.get().stop()));
            }
            return Reply.acceptAfter(latency);
        });
        Burst burst = postBurst("+1613555");

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .alias("a node struck by SIGTERM")
                .until(() -> stopping.get() != null);
        stopping.get().join();
        Instant stoppedAt = Instant.now();
        ServiceNode node = stopped.get();
        assertThat(cluster.database()
                        .count("SELECT count(*) FROM reminder WHERE claimed_by LIKE ?", "%-" + node.pid() + "-%"))
                .as("texts still claimed by the stopped node")
                .isZero();
        // Whatever Twilio took from the stopping node was recorded by it, under that message's sid.
        List<TwilioApiDouble.Accepted> tookFromIt = cluster.twilio().accepted().stream()
                .filter(message -> message.via().equals(node.name()))
                .toList();
        for (TwilioApiDouble.Accepted message : tookFromIt) {
            assertThat(cluster.database()
                            .count(
                                    "SELECT count(*) FROM reminder WHERE provider_id = ? AND status = 'SENT'",
                                    message.sid()))
                    .as("recorded %s", message.sid())
                    .isEqualTo(1);
        }

        Instant allSent = new SentTexts(cluster, burst).awaitAllSent(Duration.ofSeconds(120));
        new SentTexts(cluster, burst).assertEachSentExactlyOnce();
        report(
                burst,
                "SIGTERM",
                allSent,
                (" %s stopped (exit %d) with its %d sends recorded and none left claimed;"
                                + " the rest sent by the other node %.1f s after the stop")
                        .formatted(
                                node.name(),
                                stopping.get().join(),
                                tookFromIt.size(),
                                Duration.between(stoppedAt, allSent).toMillis() / 1000.0));
    }

    /**
     * Twilio answers 30 % of the requests with a 500, no answer within the timeout (having taken the message or not)
     * or a 429, drawn at random from a fixed seed; one number in fifty is refused for good (21211, not a valid number).
     */
    @Test
    void gatewayFaultsEndWithEveryTextSentOnceAndBackoffKept() {
        Random random = new Random(20261125);
        Map<String, Long> faults = new ConcurrentHashMap<>();
        cluster.twilio().behave(call -> {
            if (call.to().endsWith("00") || call.to().endsWith("50")) {
                faults.merge("permanent 21211", 1L, Long::sum);
                return Reply.error(400, 21211);
            }
            double draw = random.nextDouble();
            if (draw < 0.10) {
                faults.merge("500", 1L, Long::sum);
                return Reply.error(500, 20500);
            }
            if (draw < 0.20) {
                boolean taken = random.nextBoolean();
                faults.merge(taken ? "timeout, taken" : "timeout, not taken", 1L, Long::sum);
                return Reply.timeout(Duration.ofMillis(2_500), taken);
            }
            if (draw < 0.30) {
                faults.merge("429", 1L, Long::sum);
                return Reply.error(429, 20429);
            }
            return Reply.acceptAfter(LATENCY);
        });
        Burst burst = Burst.post(
                cluster.database(), List.of(cluster.get("node-a"), cluster.get("node-b")), "+1204555", 1_000);
        List<String> refused = burst.phones().stream()
                .filter(phone -> phone.endsWith("00") || phone.endsWith("50"))
                .toList();
        List<String> deliverable = burst.phones().stream()
                .filter(phone -> !refused.contains(phone))
                .toList();

        SentTexts texts = new SentTexts(cluster, burst);
        Instant settled = texts.awaitSettled(Duration.ofSeconds(180));

        assertThat(cluster.twilio().duplicates()).as("texts Twilio took twice").isEmpty();
        assertThat(cluster.twilio().accepted())
                .extracting(TwilioApiDouble.Accepted::to)
                .as("numbers Twilio took a text for")
                .containsExactlyInAnyOrderElementsOf(deliverable);
        texts.assertSentAsTwilioRecorded(deliverable);
        for (String phone : refused) {
            assertThat(cluster.twilio().callsTo(phone))
                    .as("requests for %s, refused for good", phone)
                    .hasSize(1);
        }
        assertThat(texts.statuses()).containsEntry("FAILED", (long) refused.size());
        Duration tightest = Duration.ofDays(1);
        for (String phone : deliverable) {
            List<TwilioApiDouble.Call> calls = cluster.twilio().callsTo(phone);
            for (int attempt = 1; attempt < calls.size(); attempt++) {
                Duration gap = Duration.between(
                        calls.get(attempt - 1).at(), calls.get(attempt).at());
                Duration backoff = Cluster.RETRY_DELAY.multipliedBy(1L << (attempt - 1));
                Duration floor = (backoff.compareTo(Cluster.MAX_RETRY_DELAY) > 0 ? Cluster.MAX_RETRY_DELAY : backoff)
                        .multipliedBy(8)
                        .dividedBy(10);
                assertThat(gap)
                        .as("gap before attempt %d to %s", attempt + 1, phone)
                        .isGreaterThanOrEqualTo(floor);
                tightest = gap.minus(floor).compareTo(tightest) < 0 ? gap.minus(floor) : tightest;
            }
        }
        int retries = cluster.twilio().calls().size() - burst.phones().size();
        ReliabilityReport.record(
                "gateway faults",
                ("1000 texts, %d requests, faults injected %s; %d sent exactly once,"
                                + " %d refused for good after 1 request each, duplicates %d; every retry at least 80 %% of its backoff"
                                + " after the last try (closest: %d ms over); all settled %.1f s after the burst fell due")
                        .formatted(
                                cluster.twilio().calls().size(),
                                new TreeMap<>(faults),
                                deliverable.size(),
                                refused.size(),
                                cluster.twilio().duplicates().size(),
                                tightest.toMillis(),
                                Duration.between(burst.dueAt(), settled).toMillis() / 1000.0));
        assertThat(retries).as("retries happened").isPositive();
    }

    /**
     * A third node joins with its wall clock 150 s ahead (libfaketime; the database keeps the real time) while a burst
     * falls due. Leases judged by that clock would be seen as run out 150 s early, and the node would put the others'
     * live claims back in the queue while they send them. Its offset to the database, measured at start-up, keeps it out
     * of the cluster's work: not ready, naming the offset, and no claim, release or send of its own.
     */
    @Test
    void shouldNotDoubleSendWhenOneNodeClockIsAhead() throws IOException {
        cluster.twilio().behave(TwilioApiDouble.withLatency(LATENCY));
        try (ServiceNode skewed = cluster.startExtra("node-skewed", node -> node.clockAhead(SKEW))) {
            AtomicReference<ServiceNode.Answer> readiness = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .alias("the skewed node answering its readiness")
                    .until(() -> {
                        readiness.set(skewed.managementGet("/q/health/ready"));
                        return readiness.get().status() != -1;
                    });
            Burst burst = Burst.post(
                    cluster.database(), List.of(cluster.get("node-a"), cluster.get("node-b")), "+1431555", SKEW_TEXTS);

            SentTexts texts = new SentTexts(cluster, burst);
            Instant allSent = texts.awaitAllSent(Duration.ofSeconds(60));
            texts.assertEachSentExactlyOnce();

            assertThat(readiness.get().status())
                    .as("the skewed node's readiness")
                    .isEqualTo(503);
            JsonNode clockCheck = check(skewed.managementGet("/q/health/ready"), "clock-offset-to-database");
            assertThat(clockCheck.path("status").asText()).isEqualTo("DOWN");
            assertThat(clockCheck.path("data").path("offsetMillis").asLong())
                    .as("the database's clock minus the skewed node's")
                    .isBetween(
                            -SKEW.plusSeconds(3).toMillis(),
                            -SKEW.minusSeconds(3).toMillis());
            assertThat(callsBy(skewed)).as("sends by the skewed node").isZero();
            String log = read(skewed);
            assertThat(log).contains("Clock offset to the database: -15").doesNotContain("texts back in the queue");
            assertThat(cluster.database()
                            .count("SELECT count(*) FROM reminder WHERE claimed_by LIKE ?", "%-" + skewed.pid() + "-%"))
                    .as("texts the skewed node claimed")
                    .isZero();
            ReliabilityReport.record(
                    "clock 150 s ahead",
                    ("%d texts, all sent %.1f s after the burst fell due; duplicates %d; requests per node %s;"
                                    + " the skewed node not ready: %s")
                            .formatted(
                                    SKEW_TEXTS,
                                    Duration.between(burst.dueAt(), allSent).toMillis() / 1000.0,
                                    cluster.twilio().duplicates().size(),
                                    cluster.twilio().callsPerNode(),
                                    clockCheck.path("data")));
        }
    }

    private static JsonNode check(ServiceNode.Answer health, String name) throws IOException {
        for (JsonNode check : new ObjectMapper().readTree(health.body()).path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("No check " + name + " in " + health.body());
    }

    private boolean strikes(TwilioApiDouble.Call call) {
        return call.numberVia() == FATAL_REQUEST && struck.compareAndSet(false, true);
    }

    private int callsBy(ServiceNode node) {
        return cluster.twilio().callsPerNode().getOrDefault(node.name(), 0L).intValue();
    }

    private Takeover kill(String name) {
        ServiceNode node = cluster.get(name);
        node.kill();
        return Takeover.of(cluster, node);
    }

    private Burst postBurst(String prefix) {
        return Burst.post(cluster.database(), List.of(cluster.get("node-a"), cluster.get("node-b")), prefix, TEXTS);
    }

    private void drainAndCheck(Burst burst, String what) {
        SentTexts texts = new SentTexts(cluster, burst);
        Instant allSent = texts.awaitAllSent(Duration.ofSeconds(120));
        texts.assertEachSentExactlyOnce();
        assertThat(takeover.get()).as("a node was killed mid-burst").isNotNull();
        report(burst, what, allSent, "");
    }

    private void report(Burst burst, String what, Instant allSent, String more) {
        Takeover death = takeover.get();
        String held = death == null
                ? ""
                : "%s held %d claimed texts, sent by the other node %s after; "
                        .formatted(
                                death.victim(),
                                death.strandedCount(),
                                death.takeoverTime(cluster)
                                        .map(d -> "%.1f s".formatted(d.toMillis() / 1000.0))
                                        .orElse("(none held)"));
        ReliabilityReport.record(
                what,
                ("%s%d texts, all sent %.1f s after the burst fell due; duplicates %d, lost %d;"
                                + " requests per node %s;%s")
                        .formatted(
                                held,
                                TEXTS,
                                Duration.between(burst.dueAt(), allSent).toMillis() / 1000.0,
                                cluster.twilio().duplicates().size(),
                                TEXTS - cluster.twilio().accepted().size(),
                                cluster.twilio().callsPerNode(),
                                more));
    }

    private static String read(ServiceNode node) {
        try {
            return Files.readString(node.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(String text, String phrase) {
        return text.lines().filter(line -> line.contains(phrase)).count();
    }
}
