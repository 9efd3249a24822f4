package io.aftercare.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aftercare.cluster.ServiceNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a clinic's operator does through the service's API before a run: onboarding, settings, webhook endpoints. */
final class ClinicApi {

    record Clinic(UUID id, String key) {}

    /** @param secret the {@code whsec_} signing secret, shown in this answer only */
    record Endpoint(UUID id, String secret) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ServiceNode service;

    ClinicApi(ServiceNode service) {
        this.service = service;
    }

    /** A new clinic through the admin API, its quiet hours off so that a run gives the same figures at any hour. */
    Clinic onboard(String name) throws IOException, InterruptedException {
        return onboard(name, JSON.createObjectNode().putNull("quietHours"));
    }

    /**
     * A new clinic whose quiet hours lie around the current hour, as {@link IngestScenario}'s: the texts of sessions
     * posted during a run are stored and scheduled, but none falls due, so posting is measured without sending.
     */
    Clinic onboardQuietNow(String name) throws IOException, InterruptedException {
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        ObjectNode settings = JSON.createObjectNode();
        settings.putObject("quietHours")
                .put("start", now.minusHours(1).format(HOUR_MINUTE))
                .put("end", now.plusHours(2).format(HOUR_MINUTE));
        return onboard(name, settings);
    }

    private Clinic onboard(String name, ObjectNode settings) throws IOException, InterruptedException {
        JsonNode created = call(
                "POST",
                "/admin/v1/clinics",
                ServiceNode.ADMIN_KEY,
                201,
                Map.of(
                        "name", "Benchmark " + name,
                        "phone", "+1 604 555 0100",
                        "timeZone", "UTC",
                        "locale", "en",
                        "region", "CA"));
        Clinic clinic = new Clinic(
                UUID.fromString(created.path("clinic").path("id").asText()),
                created.path("apiKey").path("key").asText());
        call("PUT", "/v1/clinic/settings", clinic.key(), 200, settings.set("optionalSteps", JSON.createArrayNode()));
        return clinic;
    }

    Endpoint registerWebhook(Clinic clinic, String url, List<String> events) throws IOException, InterruptedException {
        JsonNode created = call("POST", "/v1/clinic/webhooks", clinic.key(), 201, Map.of("url", url, "events", events));
        return new Endpoint(
                UUID.fromString(created.path("id").asText()),
                created.path("secret").asText());
    }

    private JsonNode call(String method, String path, String key, int expected, Object body)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}
