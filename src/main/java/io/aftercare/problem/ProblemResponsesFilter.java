package io.aftercare.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Documents the problem answers every operation can give whatever its resource says, so that no resource repeats
 * them: 413 (a body over the size limit, refused before routing), 415 (a body of another media type), 429 (too many
 * failed authentications, on operations that take a key), 503 (the database unavailable, with Retry-After), and on the
 * operator's operations 401 (no admin key) and 403 (a clinic's key).
 * It also names a response left without a description after its status, as OpenAPI requires one.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    static final String TOO_LARGE = "PayloadTooLarge";
    static final String UNSUPPORTED = "UnsupportedMediaType";
    static final String TOO_MANY = "TooManyRequests";
    static final String UNAVAILABLE = "ServiceUnavailable";
    static final String NO_ADMIN_KEY = "NoAdminKey";
    static final String NOT_THE_OPERATOR = "NotTheOperator";
    private static final String ADMIN_KEY = "adminKey";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        components.addResponse(TOO_LARGE, problem("The body is larger than the service accepts; nothing was stored"));
        components.addResponse(
                UNSUPPORTED, problem("The body is not of the media type this operation reads; the detail names it"));
        components.addResponse(
                TOO_MANY,
                problem("Too many failed authentications from this address; see Retry-After")
                        .addHeader("Retry-After", retryAfter()));
        components.addResponse(
                UNAVAILABLE,
                problem("The database is unavailable; nothing was stored. Retry after Retry-After seconds")
                        .addHeader("Retry-After", retryAfter()));
        components.addResponse(NO_ADMIN_KEY, problem("No or wrong admin key, or the admin API is disabled"));
        components.addResponse(NOT_THE_OPERATOR, problem("A clinic's key, not the admin key"));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(path -> path.getOperations().values().forEach(operation -> {
                    openToAll(operation);
                    document(operation, isAuthenticated(openAPI, operation), isOperators(openAPI, operation));
                }));
    }

    /**
     * An empty {@code @SecurityRequirementsSet} comes out as {@code security: [{}]}; OpenAPI's own spelling of "no
     * authentication" is {@code security: []}, which linters and generators read without doubt.
     */
    private static void openToAll(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security != null
                && !security.isEmpty()
                && security.stream().allMatch(ProblemResponsesFilter::isAnonymous)) {
            operation.setSecurity(new ArrayList<>());
        }
    }

    private static void document(Operation operation, boolean authenticated, boolean operators) {
        APIResponses responses = operation.getResponses();
        responses.getAPIResponses().forEach((status, response) -> {
            if (response.getDescription() == null && response.getRef() == null) {
                response.setDescription(reason(status));
            }
        });
        if (operators) {
            addIfAbsent(responses, "401", NO_ADMIN_KEY);
            addIfAbsent(responses, "403", NOT_THE_OPERATOR);
        }
        addIfAbsent(responses, "413", TOO_LARGE);
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "415", UNSUPPORTED);
        }
        if (authenticated) {
            addIfAbsent(responses, "429", TOO_MANY);
        }
        addIfAbsent(responses, "503", UNAVAILABLE);
    }

    private static boolean isAuthenticated(OpenAPI openAPI, Operation operation) {
        List<SecurityRequirement> security =
                operation.getSecurity() != null ? operation.getSecurity() : openAPI.getSecurity();
        return security != null && security.stream().anyMatch(requirement -> !isAnonymous(requirement));
    }

    private static boolean isOperators(OpenAPI openAPI, Operation operation) {
        List<SecurityRequirement> security =
                operation.getSecurity() != null ? operation.getSecurity() : openAPI.getSecurity();
        return security != null
                && security.stream()
                        .anyMatch(requirement -> requirement.getSchemes() != null && requirement.hasScheme(ADMIN_KEY));
    }

    private static boolean isAnonymous(SecurityRequirement requirement) {
        return requirement.getSchemes() == null || requirement.getSchemes().isEmpty();
    }

    private static void addIfAbsent(APIResponses responses, String status, String component) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref("#/components/responses/" + component));
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE.toString(),
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
    }

    private static Header retryAfter() {
        return OASFactory.createHeader()
                .description("Seconds to wait before trying again")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
    }

    private static String reason(String status) {
        try {
            Response.Status known = Response.Status.fromStatusCode(Integer.parseInt(status));
            return known != null ? known.getReasonPhrase() : status;
        } catch (NumberFormatException e) {
            return status;
        }
    }
}
