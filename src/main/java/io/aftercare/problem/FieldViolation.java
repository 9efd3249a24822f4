package io.aftercare.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rejected field: where it is in the request body, and why. */
@Schema(name = "FieldViolation")
public record FieldViolation(
        @Schema(description = "JSON path of the field", example = "client.phone")
        String field,

        @Schema(example = "is not a mobile number") String reason) {}
