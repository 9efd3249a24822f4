package io.aftercare.problem;

import java.util.Optional;

/** The kinds of problem the API reports; each has a stable type URI. */
public enum ProblemType {
    INVALID_REQUEST(400, "Invalid request"),
    MALFORMED_BODY(400, "Malformed request body"),
    UNAUTHORIZED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    GONE(410, "Gone"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNPROCESSABLE(422, "Unprocessable content"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    SERVICE_UNAVAILABLE(503, "Service unavailable"),
    INTERNAL_ERROR(500, "Internal error");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }

    /**
     * The type for an HTTP status, or empty when none is named for it: the caller then keeps the status and describes
     * it generically ({@link Problem#ofStatus}), so that a body never states another status than its response.
     */
    public static Optional<ProblemType> forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != MALFORMED_BODY) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
