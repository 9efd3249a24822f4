package io.aftercare.clinic;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored key as the listings show it: never the key, only its first characters. */
public record KeyView(
        UUID id,
        String prefix,
        String label,
        Instant createdAt,

        @Schema(description = "Last request this key authenticated, to the minute; null if never used")
        Instant lastUsedAt,

        Instant revokedAt) {

    static KeyView of(ApiKey key) {
        return new KeyView(key.id, key.prefix, key.label, key.createdAt, key.lastUsedAt, key.revokedAt);
    }
}
