package io.aftercare.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
        @Schema(
                description = "URI naming the kind of problem",
                example = "https://aftercare.dev/problems/invalid-request")
        URI type,

        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,

        @Schema(description = "What went wrong in this occurrence")
        String detail,

        @Schema(description = "The request path") String instance,

        @Schema(description = "One entry per rejected field")
        List<FieldViolation> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");
    private static final String TYPE_BASE = "https://aftercare.dev/problems/";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(URI.create(TYPE_BASE + type.slug()), type.title(), type.status(), detail, null, List.of());
    }

    /**
     * A problem for a status no {@link ProblemType} names: RFC 9457's {@code about:blank}, titled with the status's
     * reason phrase, carrying the status itself.
     */
    public static Problem ofStatus(int status, String detail) {
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : status >= 500 ? "Server error" : "Client error";
        return new Problem(URI.create("about:blank"), title, status, detail, null, List.of());
    }

    public static Problem invalid(List<FieldViolation> errors) {
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return new Problem(
                URI.create(TYPE_BASE + ProblemType.INVALID_REQUEST.slug()),
                ProblemType.INVALID_REQUEST.title(),
                400,
                detail,
                null,
                List.copyOf(errors));
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
