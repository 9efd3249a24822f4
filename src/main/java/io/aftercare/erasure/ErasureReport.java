package io.aftercare.erasure;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What erasing a client removed. Rows stay with their statuses and times, so counts and reports still add up. */
@Schema(name = "ErasureReport")
record ErasureReport(
        @Schema(
                description = "The clinic's id of the client, as asked; no longer known to the service",
                example = "client-311")
        String clientId,

        Instant erasedAt,

        @Schema(description = "Sessions whose fingerprint (a hash of the name and number) was removed")
        int sessions,

        @Schema(description = "Texts whose body and error text were removed; each keeps its status")
        int texts,

        @Schema(description = "Of those, texts that had not gone out and were cancelled")
        int cancelledTexts,

        @Schema(description = "The client's replies whose words and number were removed")
        int replies,

        @Schema(description = "Opt-outs of the number kept as an anonymous marker: a STOP stays honoured")
        int optOutsKeptAsMarker,

        @Schema(
                description = "Webhook events about the client that lost their words and the clinic's id of them;"
                        + " those still to be delivered were cancelled")
        int webhookEvents) {

    /** The counts alone, for the audit log. */
    Map<String, Object> counts() {
        return Map.of(
                "sessions",
                sessions,
                "texts",
                texts,
                "cancelledTexts",
                cancelledTexts,
                "replies",
                replies,
                "optOutsKeptAsMarker",
                optOutsKeptAsMarker,
                "webhookEvents",
                webhookEvents);
    }
}
