package io.aftercare.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aftercare.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One session of a bulk import, answered as its own post would have been.
 *
 * @param status 201 created, 200 the same session was posted before, 409 posted before with different details, 400
 *     invalid
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ImportedSession")
public record ImportedSession(
        @Schema(description = "Where the session is in the request's array, from 0")
        int index,

        @Schema(enumeration = {"201", "200", "409", "400"}) int status,

        @Schema(description = "The session and its texts, for 201 and 200")
        SessionView session,

        @Schema(description = "What a single post of this session would have answered, for 409 and 400")
        Problem problem) {

    static ImportedSession created(int index, SessionView session) {
        return new ImportedSession(index, 201, session, null);
    }

    static ImportedSession repeated(int index, SessionView session) {
        return new ImportedSession(index, 200, session, null);
    }

    static ImportedSession refused(int index, Problem problem) {
        return new ImportedSession(index, problem.status(), null, problem);
    }
}
