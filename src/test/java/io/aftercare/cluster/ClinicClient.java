package io.aftercare.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A clinic's own system talking to one node over HTTP, with the cluster's bootstrap clinic key. */
public final class ClinicClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** A status code and a body; status -1 when the node did not answer at all. */
    public record Answer(int status, String contentType, String body) {}

    private final String baseUrl;

    public ClinicClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public ClinicClient(ServiceNode node) {
        this(node.baseUrl());
    }

    /** Turns quiet hours off, so that texts go out whatever time of day the test runs. */
    public void quietHoursOff() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("quietHours", null);
        settings.put("optionalSteps", java.util.List.of());
        Answer answer = send("PUT", "/v1/clinic/settings", settings);
        if (answer.status() != 200) {
            throw new IllegalStateException("Settings refused: " + answer);
        }
    }

    /** Posts a first treatment session for a new client with this number. */
    public Answer postSession(String sessionId, String phone, Instant endedAt) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("id", "client-" + sessionId);
        client.put("firstName", "Alex");
        client.put("phone", phone);
        client.put("timeZone", "America/Vancouver");
        client.put("locale", "en");
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("sessionId", sessionId);
        session.put("client", client);
        session.put("endedAt", endedAt.toString());
        session.put("sessionNumber", 1);
        session.put("finalSession", false);
        session.put("kind", "TREATMENT");
        return send("POST", "/v1/sessions", session);
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    /** POST of a JSON body (a map or a record), as the clinic's system would send it. */
    public Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    private Answer send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + ServiceNode.CLINIC_KEY)
                    .header("Content-Type", "application/json");
            request.method(
                    method,
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            return new Answer(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", "interrupted");
        }
    }
}
