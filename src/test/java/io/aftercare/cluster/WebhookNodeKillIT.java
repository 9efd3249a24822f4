package io.aftercare.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.webhook.SignatureCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes from the packaged jar share one PostgreSQL and tell a clinic's endpoint of every text they send
 * ({@code reminder.sent}). The endpoint holds its first requests without answering, so that deliveries are in flight
 * on a node; that node is killed ({@code SIGKILL}), then the endpoint answers 200. Every event must reach the endpoint
 * signed with the endpoint's secret, those the dead node had in flight again, under the same webhook-id, from the other
 * node once their lease ran out; and the database must record every delivery DELIVERED, none left PENDING or
 * DELIVERING.
 */
class WebhookNodeKillIT {

    private static final int TEXTS = 20;
    private static final String PREFIX = "+1604777";
    /** Short, so that the takeover comes in seconds; a delivery's connect and response timeouts fit inside it. */
    private static final Duration WEBHOOK_LEASE = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookEndpointDouble endpoint;
    private Cluster cluster;

    @AfterEach
    void tearDown() {
        if (cluster != null) {
            cluster.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    void shouldDeliverEveryEventWhenTheNodeDeliveringThemIsKilled() {
        endpoint = new WebhookEndpointDouble();
        cluster = Cluster.create("webhook-kill").start(WebhookNodeKillIT::webhooks, "node-a", "node-b");
        ClinicClient clinic = new ClinicClient(cluster.get("node-a"));
        clinic.quietHoursOff();
        String secret = register(clinic);

        Burst burst =
                Burst.post(cluster.database(), List.of(cluster.get("node-a"), cluster.get("node-b")), PREFIX, TEXTS);

        // Deliveries in flight: every one claimed is held at the endpoint, and no new request came for a moment.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .alias("deliveries held at the endpoint")
                .until(() -> endpoint.held() > 0
                        && endpoint.quietMillis() >= 1_000
                        && inFlightByClaimant().values().stream()
                                        .mapToLong(Long::longValue)
                                        .sum()
                                == endpoint.held());
        Map<String, Long> inFlight = inFlightByClaimant();
        ServiceNode victim = List.of(cluster.get("node-a"), cluster.get("node-b")).stream()
                .max(Comparator.comparingLong(node -> inFlightOf(inFlight, node)))
                .orElseThrow();
        long heldByOther = inFlight.values().stream().mapToLong(Long::longValue).sum() - inFlightOf(inFlight, victim);
        victim.kill();
        Instant killedAt = Instant.now();
        Map<String, String> stranded = cluster
                .database()
                .rows(
                        "SELECT id::text AS id, event_id FROM webhook_delivery WHERE status = 'DELIVERING'"
                                + " AND claimed_by LIKE ?",
                        claimantPrefix(victim) + "%")
                .stream()
                .collect(Collectors.toMap(row -> (String) row.get("event_id"), row -> (String) row.get("id")));
        assertThat(stranded).as("deliveries the killed node had in flight").isNotEmpty();
        endpoint.release();

        SentTexts texts = new SentTexts(cluster, burst);
        texts.awaitAllSent(Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .alias("every delivery DELIVERED")
                .until(this::deliveryStatuses, statuses -> statuses.equals(Map.of("DELIVERED", (long) TEXTS)));
        Instant allDelivered = Instant.now();

        texts.assertEachSentExactlyOnce();
        Map<String, String> events =
                cluster.database().rows("SELECT id, payload FROM webhook_event WHERE type = 'reminder.sent'").stream()
                        .collect(Collectors.toMap(row -> (String) row.get("id"), row -> (String) row.get("payload")));
        assertThat(events.values())
                .extracting(
                        payload -> read(payload).path("data").path("reminderId").asText())
                .as("one event per text sent")
                .containsExactlyInAnyOrderElementsOf(burstTextIds());

        List<WebhookEndpointDouble.Received> requests = endpoint.received();
        assertThat(requests)
                .as("requests signed with the endpoint's secret (checked independently of the sender)")
                .allSatisfy(request -> assertThat(SignatureCheck.verifies(
                                secret, request.id(), request.timestamp(), request.body(), request.signature()))
                        .isTrue());
        Map<String, List<WebhookEndpointDouble.Received>> byId =
                requests.stream().collect(Collectors.groupingBy(WebhookEndpointDouble.Received::id));
        assertThat(byId.keySet()).as("events that reached the endpoint").isEqualTo(events.keySet());
        byId.forEach((id, copies) -> assertThat(copies)
                .extracting(WebhookEndpointDouble.Received::body)
                .as("bodies sent for %s", id)
                .containsOnly(events.get(id)));
        for (String id : stranded.keySet()) {
            assertThat(byId.get(id))
                    .extracting(WebhookEndpointDouble.Received::at)
                    .as("%s: held from the killed node, then sent again by the other", id)
                    .hasSize(2)
                    .satisfiesExactly(
                            first -> assertThat(first).isBefore(killedAt),
                            again -> assertThat(again).isAfter(killedAt));
        }
        Set<String> duplicated = byId.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(duplicated)
                .as("events received twice: only those the killed node had in flight")
                .isEqualTo(stranded.keySet());

        Map<String, String> histories = attemptHistories();
        assertThat(histories).hasSize(TEXTS);
        histories.forEach((delivery, history) -> assertThat(history)
                .as("attempts of delivery %s", delivery)
                .isEqualTo(stranded.containsValue(delivery) ? "INTERRUPTED,200" : "200"));

        Instant takenOver = stranded.keySet().stream()
                .map(id -> byId.get(id).get(1).at())
                .max(Comparator.naturalOrder())
                .orElseThrow();
        ReliabilityReport.record(
                "webhooks: kill -9 mid-delivery",
                ("%d reminder.sent events; %s killed with %d deliveries in flight (held unanswered at the endpoint),"
                                + " %d held from the other node; the other node delivered the killed node's again, same"
                                + " webhook-id, %.1f s after the kill (lease %d s); %d requests, every one correctly"
                                + " signed; duplicates %d (the killed node's, received but never answered), lost 0; all"
                                + " %d DELIVERED %.1f s after the kill")
                        .formatted(
                                events.size(),
                                victim.name(),
                                stranded.size(),
                                heldByOther,
                                Duration.between(killedAt, takenOver).toMillis() / 1000.0,
                                WEBHOOK_LEASE.toSeconds(),
                                requests.size(),
                                requests.size() - byId.size(),
                                TEXTS,
                                Duration.between(killedAt, allDelivered).toMillis() / 1000.0));
    }

    /**
     * Plain http to 127.0.0.1, which only tests allow; the webhook job every 0.5 s; the lease short and the timeouts
     * within it; retries in seconds; 3 delivery threads a node and up to 6 deliveries to the endpoint at once, so that
     * one node cannot take them all and both are likely to hold some when one is killed.
     */
    private static ServiceNode.Builder webhooks(ServiceNode.Builder node) {
        return node.set("AFTERCARE_WEBHOOKS_ALLOW_HTTP", "true")
                .set("AFTERCARE_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true")
                .set("AFTERCARE_WEBHOOKS_INTERVAL", "0.5s")
                .set("AFTERCARE_WEBHOOKS_CLAIM_LEASE", WEBHOOK_LEASE.toSeconds() + "s")
                .set("AFTERCARE_WEBHOOKS_CONNECT_TIMEOUT", "0.5s")
                .set("AFTERCARE_WEBHOOKS_RESPONSE_TIMEOUT", "4s")
                .set("AFTERCARE_WEBHOOKS_RETRY_DELAY", "1s")
                .set("AFTERCARE_WEBHOOKS_MAX_RETRY_DELAY", "4s")
                .set("AFTERCARE_WEBHOOKS_CONCURRENCY", "3")
                .set("AFTERCARE_WEBHOOKS_MAX_IN_FLIGHT_PER_ENDPOINT", "6");
    }

    /** Registers the endpoint for reminder.sent; answers its secret. */
    private String register(ClinicClient clinic) {
        ClinicClient.Answer answer = clinic.post(
                "/v1/clinic/webhooks", Map.of("url", endpoint.url("/events"), "events", List.of("reminder.sent")));
        assertThat(answer.status()).as("endpoint registration: %s", answer).isEqualTo(201);
        return read(answer.body()).path("secret").asText();
    }

    private Map<String, Long> inFlightByClaimant() {
        return cluster
                .database()
                .rows("SELECT claimed_by, count(*) AS n FROM webhook_delivery WHERE status = 'DELIVERING'"
                        + " GROUP BY claimed_by")
                .stream()
                .collect(Collectors.toMap(
                        row -> (String) row.get("claimed_by"), row -> ((Number) row.get("n")).longValue()));
    }

    /** A node's deliveries are claimed as {@code webhooks-<pid>@<host>-<random>}. */
    private static String claimantPrefix(ServiceNode node) {
        return "webhooks-" + node.pid() + "@";
    }

    private static long inFlightOf(Map<String, Long> inFlight, ServiceNode node) {
        return inFlight.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(claimantPrefix(node)))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private Map<String, Long> deliveryStatuses() {
        return cluster.database().rows("SELECT status, count(*) AS n FROM webhook_delivery GROUP BY status").stream()
                .collect(Collectors.toMap(
                        row -> (String) row.get("status"), row -> ((Number) row.get("n")).longValue()));
    }

    private List<String> burstTextIds() {
        return cluster
                .database()
                .rows(
                        "SELECT r.id::text AS id FROM reminder r JOIN client c ON c.id = r.client_id"
                                + " WHERE r.step = 'soon' AND c.phone LIKE ?",
                        PREFIX + "%")
                .stream()
                .map(row -> (String) row.get("id"))
                .toList();
    }

    /** Each delivery's attempts in order: the status code, or why there was none. */
    private Map<String, String> attemptHistories() {
        return cluster.database().rows("""
                        SELECT d.id::text AS id,
                               string_agg(COALESCE(a.error, a.status_code::text), ',' ORDER BY a.attempt) AS history
                        FROM webhook_delivery d LEFT JOIN webhook_attempt a ON a.delivery_id = d.id
                        GROUP BY d.id
                        """).stream()
                .collect(Collectors.toMap(row -> (String) row.get("id"), row -> String.valueOf(row.get("history"))));
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
