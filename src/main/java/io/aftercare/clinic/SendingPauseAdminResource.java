package io.aftercare.clinic;

import io.aftercare.pause.PauseScope;
import io.aftercare.pause.SendingPauses;
import io.aftercare.problem.Problem;
import io.aftercare.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's view of every pause, and the resume of an account's or sender's, which stops every clinic. */
@Path("/admin/v1/sending-pauses")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
class SendingPauseAdminResource {

    private final SendingPauses pauses;

    SendingPauseAdminResource(SendingPauses pauses) {
        this.pauses = pauses;
    }

    @GET
    @Operation(
            operationId = "listSendingPauses",
            summary = "Every pause that stands: clinics', the account's and the sender's, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "The pauses that stand",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SendingPauses.Pause.class)))
    public List<SendingPauses.Pause> all() {
        return pauses.all();
    }

    @DELETE
    @Path("/{scope}")
    @Operation(
            operationId = "resumeSendingScope",
            summary = "Resume every clinic's sending once the SMS account or sender works again",
            description = "A clinic's own pause stays; resume it at /admin/v1/clinics/{id}/sending-pause.")
    @APIResponse(responseCode = "204", description = "Resumed: the waiting texts go out")
    @APIResponse(
            responseCode = "404",
            description = "That scope is not paused, or is not 'account' or 'sender'",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response resume(
            @Parameter(schema = @Schema(enumeration = {"account", "sender"})) @PathParam("scope") String scope) {
        PauseScope pauseScope = scopeOf(scope);
        if (!pauses.resume(pauseScope)) {
            throw ProblemException.notFound(
                    "Sending is not paused for the " + pauseScope.name().toLowerCase(Locale.ROOT));
        }
        return Response.noContent().build();
    }

    private static PauseScope scopeOf(String scope) {
        String name = scope == null ? "" : scope.toUpperCase(Locale.ROOT);
        if (name.equals(PauseScope.ACCOUNT.name()) || name.equals(PauseScope.SENDER.name())) {
            return PauseScope.valueOf(name);
        }
        throw ProblemException.notFound("No such sending scope; it is 'account' or 'sender'");
    }
}
