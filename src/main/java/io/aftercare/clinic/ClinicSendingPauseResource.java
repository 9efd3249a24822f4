package io.aftercare.clinic;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operator's API for one clinic's sending pause: why it stands, and resuming once the SMS account works again.
 * Enabled by {@code aftercare.admin.api-key}.
 */
@Path("/admin/v1/clinics/{clinicId}/sending-pause")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
class ClinicSendingPauseResource {

    private final SendingPauses pauses;

    ClinicSendingPauseResource(SendingPauses pauses) {
        this.pauses = pauses;
    }

    @GET
    @Operation(
            operationId = "getClinicSendingPause",
            summary = "Why the clinic's sending is paused, if it is",
            description =
                    "Its own pause, or else the account's or sender's (scope ACCOUNT or SENDER), which stops every"
                            + " clinic.")
    @APIResponse(
            responseCode = "404",
            description = "The clinic's sending is not paused",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "200",
            description = "Why and since when sending is paused",
            content = @Content(schema = @Schema(implementation = SendingPauses.Pause.class)))
    public SendingPauses.Pause pause(@PathParam("clinicId") UUID clinicId) {
        return pauses.of(clinicId)
                .orElseThrow(() -> ProblemException.notFound("Sending is not paused for " + clinicId));
    }

    @DELETE
    @Operation(
            operationId = "resumeClinicSending",
            summary = "Resume the clinic's sending once its SMS account works again",
            description =
                    "Lifts the clinic's own pause and an account or sender pause (which stops every clinic) alike.")
    @APIResponse(responseCode = "204", description = "Resumed: its waiting texts go out")
    @APIResponse(
            responseCode = "404",
            description = "The clinic's sending was not paused",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response resume(@PathParam("clinicId") UUID clinicId) {
        if (!pauses.resume(clinicId)) {
            throw ProblemException.notFound("Sending is not paused for " + clinicId);
        }
        return Response.noContent().build();
    }
}
