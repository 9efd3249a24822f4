package io.aftercare.clinic;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a key issue; every field optional. */
@Schema(name = "ApiKeyRequest")
record KeyRequest(
        @Schema(description = "What the key is for, up to 60 characters", example = "Front desk PC")
        String label) {}
