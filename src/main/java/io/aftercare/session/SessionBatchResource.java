package io.aftercare.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.clinic.CurrentClinic;
import io.aftercare.clinic.Roles;
import io.aftercare.observability.MdcScope;
import io.aftercare.problem.JsonProblems;
import io.aftercare.problem.Problem;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.ProblemType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bulk import: up to 1,000 sessions in one request, for a clinic moving onto the service with months of sessions. A
 * JSON array, not NDJSON: the answer is per session and in order, and the whole batch is written in one transaction
 * anyway, so streaming it in would gain nothing; and an array is what OpenAPI and generated clients describe natively.
 */
@Path("/v1/sessions/batch")
@RolesAllowed(Roles.CLINIC)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
@SecurityRequirement(name = "clinicKey")
@APIResponse(
        responseCode = "401",
        description = "No or unknown API key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class SessionBatchResource {

    private final SessionService sessions;
    private final CurrentClinic clinic;
    private final ObjectMapper json;

    SessionBatchResource(SessionService sessions, CurrentClinic clinic, ObjectMapper json) {
        this.sessions = sessions;
        this.clinic = clinic;
        this.json = json;
    }

    @POST
    @Operation(
            operationId = "importSessions",
            summary = "Post up to 1,000 completed sessions at once, each answered as its own post would be",
            description = "Each item is the body of POST /v1/sessions. The sessions are taken in order, each with every"
                    + " rule of a single post, also between sessions of the same import (a repeated sessionId, a later"
                    + " session of the same client), and all that is stored is stored in one transaction: one invalid"
                    + " session never refuses the others, and nothing is half-written. More than 1,000 sessions, or a"
                    + " body over 1 MB, is a 413 and nothing is stored.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = SessionRequest.class,
                                            minItems = 1,
                                            maxItems = SessionImport.MAX_SESSIONS)))
    @APIResponse(
            responseCode = "200",
            description = "Every session answered, in order; see each result's status",
            content = @Content(schema = @Schema(implementation = SessionImport.class)))
    @APIResponse(
            responseCode = "400",
            description = "The body is not a JSON array of 1 to 1,000 sessions; nothing was stored",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public SessionImport importSessions(JsonNode body, UriInfo uri) {
        List<SessionRequest> requests = new ArrayList<>();
        Map<Integer, Problem> unreadable = new HashMap<>();
        for (JsonNode item : items(body)) {
            try {
                requests.add(json.treeToValue(item, SessionRequest.class));
            } catch (JsonProcessingException e) {
                unreadable.put(requests.size(), JsonProblems.of(e));
                requests.add(null);
            }
        }
        List<ImportedSession> results;
        try (MdcScope scope = MdcScope.of(MdcScope.CLINIC_ID, clinic.id())) {
            results = sessions.importAll(clinic.id(), requests, unreadable);
        }
        return SessionImport.of(results.stream()
                .map(result -> result.problem() == null
                        ? result
                        : ImportedSession.refused(
                                result.index(), result.problem().at(uri.getPath())))
                .toList());
    }

    private static JsonNode items(JsonNode body) {
        if (body == null || !body.isArray() || body.isEmpty()) {
            String found = body == null ? "empty" : body.isArray() ? "an empty array" : "a JSON " + kind(body);
            throw new ProblemException(
                    ProblemType.INVALID_REQUEST,
                    "The body must be a JSON array of 1 to " + SessionImport.MAX_SESSIONS
                            + " sessions, each the body of POST /v1/sessions; it is " + found);
        }
        if (body.size() > SessionImport.MAX_SESSIONS) {
            throw new ProblemException(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "A bulk import takes at most " + SessionImport.MAX_SESSIONS + " sessions; this one holds "
                            + body.size() + ": send them in several imports");
        }
        return body;
    }

    private static String kind(JsonNode body) {
        return body.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
