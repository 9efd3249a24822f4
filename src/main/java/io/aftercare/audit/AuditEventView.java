package io.aftercare.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One recorded action. */
@Schema(name = "AuditEvent")
record AuditEventView(
        @Schema(description = "Increases with each record; pass it as 'before' to read older ones")
        long id,

        Instant at,

        @Schema(description = "clinic:<id>, staff:<id>, operator or system", example = "operator")
        String actor,

        @Schema(example = "api-key.revoked") String action,
        UUID clinicId,

        @Schema(description = "What was acted on", example = "api-key:0192f0c4-7b1e-7c3a-9f00-5a1b2c3d4e5f")
        String subject,

        @Schema(description = "Ids and counts; never secrets, numbers, names or texts")
        Map<String, Object> details) {}
