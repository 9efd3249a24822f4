package io.aftercare.webhook;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A clinic's new endpoint. */
@Schema(name = "WebhookEndpointRequest")
public record EndpointRequest(
        @Schema(
                description = "Where events are posted: an https URL on the public internet",
                example = "https://clinic.example.com/aftercare/events")
        String url,

        @Schema(description = "The event types to receive", example = "[\"reply.received\", \"reminder.failed\"]")
        List<String> events,

        @Schema(description = "Optional: whsec_ and the base64 of 24 to 64 random bytes; one is generated when absent")
        String secret) {}
