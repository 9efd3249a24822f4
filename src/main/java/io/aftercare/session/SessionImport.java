package io.aftercare.session;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a bulk import: how each session fared, in the order they were sent. */
@Schema(name = "SessionImport")
public record SessionImport(
        @Schema(description = "Sessions stored now (status 201)")
        int created,

        @Schema(description = "Sessions posted before with the same details (status 200)")
        int repeated,

        @Schema(description = "Sessions posted before with different details (status 409)")
        int conflicts,

        @Schema(description = "Sessions refused for invalid fields (status 400)")
        int invalid,

        @Schema(description = "One result per session sent, in the same order")
        List<ImportedSession> results) {

    /** The most sessions one bulk import takes. */
    static final int MAX_SESSIONS = 1000;

    static SessionImport of(List<ImportedSession> results) {
        return new SessionImport(
                count(results, 201), count(results, 200), count(results, 409), count(results, 400), results);
    }

    private static int count(List<ImportedSession> results, int status) {
        return (int)
                results.stream().filter(result -> result.status() == status).count();
    }
}
