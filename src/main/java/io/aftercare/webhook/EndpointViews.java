package io.aftercare.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the API answers about endpoints and their deliveries. */
public final class EndpointViews {

    private EndpointViews() {}

    @Schema(name = "WebhookEndpoint")
    public record Endpoint(
            UUID id,
            String url,
            List<String> events,
            Instant createdAt,

            @Schema(description = "Set when the endpoint stopped receiving events (it answered 410 Gone)")
            Instant disabledAt,

            String disabledReason,

            @Schema(description = "Until when the secret before the last rotation still signs (a second signature)")
            Instant previousSecretValidUntil) {}

    @Schema(name = "CreatedWebhookEndpoint")
    public record Created(
            UUID id,
            String url,
            List<String> events,

            @Schema(description = "The signing secret: shown in this answer only")
            String secret,

            Instant createdAt) {}

    @Schema(name = "RotatedWebhookSecret")
    public record Rotated(
            UUID id,

            @Schema(description = "The new signing secret: shown in this answer only")
            String secret,

            @Schema(description = "Until when the old secret still signs too")
            Instant previousSecretValidUntil) {}

    @Schema(name = "WebhookAttempt")
    public record Attempt(
            int attempt,
            Instant at,
            int durationMs,

            @Schema(description = "The receiver's HTTP status; absent when it did not answer")
            Integer statusCode,

            @Schema(
                    description =
                            "Why there was no answer: TIMEOUT, CONNECTION, TLS, DNS, FORBIDDEN_ADDRESS, INTERRUPTED")
            String error) {}

    @Schema(name = "WebhookDelivery")
    public record Delivery(
            UUID id,

            @Schema(description = "The webhook-id header: the same on every attempt")
            String eventId,

            String eventType,

            @Schema(enumeration = {"PENDING", "DELIVERING", "DELIVERED", "FAILED", "CANCELLED"})
            String status,

            Instant createdAt,

            @Schema(description = "When it is tried next, while PENDING")
            Instant nextAttemptAt,

            List<Attempt> attempts) {}

    @Schema(name = "WebhookDeliveryPage")
    public record DeliveryPage(
            List<Delivery> deliveries,

            @Schema(description = "Pass as 'cursor' for the next, older page; null on the last page")
            String nextCursor) {}
}
