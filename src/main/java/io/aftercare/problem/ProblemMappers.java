package io.aftercare.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into an RFC 9457 problem: no stack traces, no class names. */
class ProblemMappers {

    private final ConsumedMediaTypes consumed;

    ProblemMappers(ConsumedMediaTypes consumed) {
        this.consumed = consumed;
    }

    @ServerExceptionMapper
    Response problem(ProblemException e, UriInfo uri) {
        return e.problem().at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldViolation> errors = e.getConstraintViolations().stream()
                .map(ProblemMappers::toFieldViolation)
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
        return Problem.invalid(errors).at(uri.getPath()).toResponse();
    }

    // Quarkus ships its own mapper for mismatched input; naming the exact type makes this one win.
    @ServerExceptionMapper
    Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    Response json(JsonProcessingException e, UriInfo uri) {
        return JsonProblems.of(e).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    Response webApplication(WebApplicationException e, UriInfo uri, ResourceInfo resource, Request request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.errorf(RedactedFailure.of(e), "Request to %s failed", uri.getPath());
        }
        Problem problem = ProblemType.forStatus(status)
                .map(type -> Problem.of(type, detail(type, resource, request, uri)))
                .orElseGet(() -> Problem.ofStatus(status, null));
        Response.ResponseBuilder response =
                Response.fromResponse(problem.at(uri.getPath()).toResponse());
        copyHeader(e, response, "Allow");
        copyHeader(e, response, "WWW-Authenticate");
        return response.status(status).build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.isCause(e)) {
            Log.warnf(
                    "Database unavailable while serving %s: %s",
                    uri.getPath(), RedactedFailure.of(e).getMessage());
            return Response.fromResponse(Problem.of(
                                    ProblemType.SERVICE_UNAVAILABLE,
                                    "The database is unavailable; nothing was stored. Try again shortly.")
                            .at(uri.getPath())
                            .toResponse())
                    .header("Retry-After", "5")
                    .build();
        }
        Log.errorf(RedactedFailure.of(e), "Request to %s failed", uri.getPath());
        return Problem.of(ProblemType.INTERNAL_ERROR, "An unexpected error occurred; nothing was stored")
                .at(uri.getPath())
                .toResponse();
    }

    private static void copyHeader(WebApplicationException e, Response.ResponseBuilder response, String name) {
        String value = e.getResponse().getHeaderString(name);
        if (value != null) {
            response.header(name, value);
        }
    }

    private String detail(ProblemType type, ResourceInfo resource, Request request, UriInfo uri) {
        return switch (type) {
            case NOT_FOUND -> "No such resource";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here";
            case UNSUPPORTED_MEDIA_TYPE ->
                "Send " + String.join(" or ", consumed.of(resource, request.getMethod(), uri.getPath()));
            case NOT_ACCEPTABLE -> "This resource answers in application/json";
            default -> type.title();
        };
    }

    private static FieldViolation toFieldViolation(ConstraintViolation<?> violation) {
        return new FieldViolation(JsonPaths.of(violation.getPropertyPath()), violation.getMessage());
    }
}
