package io.aftercare.clinic;

import io.aftercare.config.AftercareConfig;
import io.aftercare.problem.Problem;
import io.aftercare.problem.ProblemType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates clinic systems on {@code /v1} and operators on {@code /admin/v1} by their bearer key.
 * Twilio's webhooks under {@code /v1/twilio} carry Twilio's signature instead and are checked there.
 */
class ApiKeyFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;
    private final CurrentClinic currentClinic;
    private final AftercareConfig config;

    ApiKeyFilter(ApiKeys apiKeys, CurrentClinic currentClinic, AftercareConfig config) {
        this.apiKeys = apiKeys;
        this.currentClinic = currentClinic;
        this.config = config;
    }

    @ServerRequestFilter
    Optional<Response> authenticate(UriInfo uri, HttpHeaders headers) {
        String path = uri.getPath();
        if (path.startsWith("/admin/")) {
            return authenticateOperator(path, bearerKey(headers));
        }
        if (path.startsWith("/v1/") && !path.startsWith("/v1/twilio/")) {
            return authenticateClinic(path, bearerKey(headers));
        }
        return Optional.empty();
    }

    private Optional<Response> authenticateClinic(String path, Optional<String> key) {
        Optional<java.util.UUID> clinicId = key.flatMap(apiKeys::authenticate);
        if (clinicId.isEmpty()) {
            return Optional.of(unauthorized(path, key.isEmpty()
                    ? "Send the clinic's API key as 'Authorization: Bearer <key>'"
                    : "The API key is not valid"));
        }
        currentClinic.authenticatedAs(clinicId.get());
        return Optional.empty();
    }

    private Optional<Response> authenticateOperator(String path, Optional<String> key) {
        Optional<String> adminKey = config.admin().apiKey();
        if (adminKey.isEmpty() || key.isEmpty() || !constantTimeEquals(adminKey.get(), key.get())) {
            return Optional.of(unauthorized(path, adminKey.isEmpty()
                    ? "The admin API is disabled: set aftercare.admin.api-key to enable it"
                    : "Send the operator's admin key as 'Authorization: Bearer <key>'"));
        }
        return Optional.empty();
    }

    private static Optional<String> bearerKey(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String key = authorization.substring(BEARER.length()).trim();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    private static boolean constantTimeEquals(String expected, String presented) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static Response unauthorized(String path, String detail) {
        return Response.fromResponse(Problem.of(ProblemType.UNAUTHORIZED, detail).at(path).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }
}
