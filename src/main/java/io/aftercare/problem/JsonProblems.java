package io.aftercare.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** The problem a body Jackson could not read earns: the field and why, or a malformed body. */
public final class JsonProblems {

    private JsonProblems() {}

    /** The problem, without the request path: the caller adds it ({@link Problem#at}). */
    public static Problem of(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Problem.invalid(List.of(new FieldViolation(JsonPaths.of(mapping), JsonPaths.reason(mapping))));
        }
        return Problem.of(ProblemType.MALFORMED_BODY, "The body is not valid JSON");
    }
}
