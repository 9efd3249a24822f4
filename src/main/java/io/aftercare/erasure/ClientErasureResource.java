package io.aftercare.erasure;

import io.aftercare.clinic.CurrentClinic;
import io.aftercare.clinic.Roles;
import io.aftercare.problem.Problem;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.ProblemType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clients")
@SecurityRequirement(name = "clinicKey")
@RolesAllowed(Roles.CLINIC)
@APIResponse(
        responseCode = "401",
        description = "No or unknown API key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class ClientErasureResource {

    /** How long a text being sent usually takes to be recorded; a node that died mid-send takes up to its claim lease. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final ClientErasure erasure;
    private final CurrentClinic clinic;

    ClientErasureResource(ClientErasure erasure, CurrentClinic clinic) {
        this.erasure = erasure;
        this.clinic = clinic;
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(
            operationId = "eraseClient",
            summary = "Erase a client: their name, number and texts",
            description = "Texts that have not gone out are cancelled. The client's name, number, the clinic's id of"
                    + " the client and every text's body and error text are removed; a STOP the number sent is kept as"
                    + " an anonymous marker, so the number stays opted out if the clinic posts it again. Sessions and"
                    + " texts stay with their statuses and times, so counts still add up, and the client's sessions"
                    + " can still be read by their id (their clientId then reads 'erased <id>'). All of it or nothing."
                    + " A later post under the same client id starts a new client; a later post of an erased session"
                    + " id is a conflict. The client's replies lose their words and number; the clinic's webhook"
                    + " events about the client lose their words and the clinic's id of them, and those not yet"
                    + " delivered are cancelled. The SMS provider keeps its own record of texts already sent.")
    @APIResponse(
            responseCode = "200",
            description = "Erased; the counts say what was",
            content = @Content(schema = @Schema(implementation = ErasureReport.class)))
    @APIResponse(
            responseCode = "404",
            description = "The clinic has no client with this id, or it was erased already (a repeated DELETE)",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "One of the client's texts is being sent at this moment; nothing was erased. Try again after"
                    + " Retry-After seconds.",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response erase(@PathParam("clientId") String clientId, UriInfo uri) {
        ClientErasure.Outcome outcome = erasure.erase(clinic.id(), clientId);
        if (outcome instanceof ClientErasure.Outcome.Erased erased) {
            return Response.ok(erased.report()).build();
        }
        if (outcome instanceof ClientErasure.Outcome.Sending) {
            return Response.fromResponse(Problem.of(
                                    ProblemType.CONFLICT,
                                    "A text to this client is being sent right"
                                            + " now; nothing was erased. Try again in a few seconds.")
                            .at(uri.getPath())
                            .toResponse())
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        throw ProblemException.notFound("No client " + clientId + " for this clinic");
    }
}
