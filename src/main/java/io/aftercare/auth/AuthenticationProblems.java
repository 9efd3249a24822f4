package io.aftercare.auth;

import io.aftercare.config.AftercareConfig;
import io.aftercare.problem.Problem;
import io.aftercare.problem.ProblemType;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers Quarkus Security's refusals in the API's one error shape (RFC 9457), with {@code WWW-Authenticate: Bearer}
 * on a 401 and {@code Retry-After} on a 429. Quarkus' own mappers would answer with an empty body.
 */
class AuthenticationProblems {

    private final boolean adminApiEnabled;

    AuthenticationProblems(AftercareConfig config) {
        this.adminApiEnabled =
                config.admin().apiKey().filter(key -> !key.isBlank()).isPresent();
    }

    /** No key at all, on an endpoint that needs one. */
    @ServerExceptionMapper
    Response unauthorized(UnauthorizedException e, UriInfo uri) {
        String path = uri.getPath();
        if (isPage(path)) {
            return signIn();
        }
        return unauthorized(
                path,
                isAdmin(path)
                        ? adminDetail("Send the operator's admin key as 'Authorization: Bearer <key>'")
                        : "Send the clinic's API key as 'Authorization: Bearer <key>'");
    }

    /** An address refused for failing too often; its key was not looked at. */
    @ServerExceptionMapper
    Response tooManyFailures(TooManyFailedAuthentications e, UriInfo uri) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return Response.fromResponse(Problem.of(
                                ProblemType.TOO_MANY_REQUESTS,
                                "Too many failed authentications" + " from this address; try again in " + seconds
                                        + " s")
                        .at(uri.getPath())
                        .toResponse())
                .header("Retry-After", Long.toString(seconds))
                .build();
    }

    /** A key that is no one's. */
    @ServerExceptionMapper
    Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        String path = uri.getPath();
        if (isPage(path)) {
            return signIn();
        }
        return unauthorized(
                path, isAdmin(path) ? adminDetail("The admin key is not valid") : "The API key is not valid");
    }

    /** A valid key of the wrong kind: a clinic's key on the admin API, the admin key on a clinic's. */
    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, UriInfo uri) {
        String path = uri.getPath();
        if (isPage(path)) {
            return Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("Your role does not allow this page.")
                    .build();
        }
        return Problem.of(
                        ProblemType.FORBIDDEN,
                        isAdmin(path)
                                ? "The admin API takes only the operator's admin key"
                                : "This key may not use this resource")
                .at(path)
                .toResponse();
    }

    private String adminDetail(String detail) {
        return adminApiEnabled ? detail : "The admin API is disabled: set aftercare.admin.api-key to enable it";
    }

    // The dashboard's pages (io.aftercare.staff) send a browser without a session to the sign-in page instead.
    private static boolean isPage(String path) {
        return path.equals("/app") || path.startsWith("/app/");
    }

    private static Response signIn() {
        return Response.seeOther(URI.create("/app/sign-in")).build();
    }

    private static boolean isAdmin(String path) {
        return path.startsWith("/admin/");
    }

    private static Response unauthorized(String path, String detail) {
        return Response.fromResponse(
                        Problem.of(ProblemType.UNAUTHORIZED, detail).at(path).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }
}
