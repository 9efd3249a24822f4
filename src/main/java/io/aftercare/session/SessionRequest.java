package io.aftercare.session;

import io.aftercare.problem.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A completed session, as the clinic's system posts it. */
@Schema(name = "SessionRequest")
public record SessionRequest(
        @Schema(description = "The clinic's own id of the session; posting it again is safe", example = "clinic-8812")
        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = SessionRequest.EXTERNAL_ID, message = "must not contain spaces or control characters")
        String sessionId,

        @NotNull @Valid ClientRequest client,

        @Schema(description = "When the session ended, ISO-8601 with offset", example = "2026-11-20T18:30:00-08:00")
        @NotNull
        OffsetDateTime endedAt,

        @Schema(description = "Which session of the treatment this was, from 1", example = "1")
        @NotNull
        @Min(1)
        @Max(20)
        Integer sessionNumber,

        @Schema(description = "Whether this was the last treatment session", defaultValue = "false")
        Boolean finalSession,

        @Schema(defaultValue = "TREATMENT") SessionKind kind,

        @Schema(
                description = "When the client's next session is booked, ISO-8601 with offset, if it is; shown on the"
                        + " client's aftercare page",
                example = "2026-12-04T10:00:00-08:00",
                nullable = true)
        OffsetDateTime nextSessionAt) {

    /**
     * A clinic's own id: printable ASCII, no space. Java's {@code \p{Graph}+}, spelled so that every regex dialect
     * reading the OpenAPI document (ECMA in JSON Schema validators, generated clients) means the same.
     */
    static final String EXTERNAL_ID = "[!-~]+";

    @Schema(name = "ClientRequest")
    public record ClientRequest(
            @Schema(description = "The clinic's own id of the client", example = "client-311")
            @NotBlank
            @Size(max = 100)
            @Pattern(regexp = SessionRequest.EXTERNAL_ID, message = "must not contain spaces or control characters")
            String id,

            @Schema(example = "Sam") @NotBlank @Size(max = 60) @PlainText
            String firstName,

            @Schema(example = "Lee") @Size(max = 60) @PlainText
            String lastName,

            @Schema(
                    description = "Mobile number; without a country code it is read in the clinic's region",
                    example = "+1 604 555 0123")
            @NotBlank
            @Size(max = 40)
            @PlainText
            String phone,

            @Schema(description = "IANA time zone; the clinic's when absent", example = "America/Vancouver")
            @Size(max = 64)
            @PlainText
            String timeZone,

            @Schema(description = "Language of the texts (BCP 47); the clinic's when absent", example = "en")
            @Size(max = 35)
            @PlainText
            String locale) {}
}
