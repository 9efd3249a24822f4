package io.aftercare.staff;

import io.aftercare.clinic.Roles;
import io.aftercare.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator invites their own people, who see every clinic read-only. */
@Path("/admin/v1/staff")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
class OperatorStaffResource {

    private final StaffInvitations invitations;
    private final StaffInvitationLinks links;

    OperatorStaffResource(StaffInvitations invitations, StaffInvitationLinks links) {
        this.invitations = invitations;
        this.links = links;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "inviteClinicStaff",
            summary = "Invite an OPERATOR user to the dashboard",
            description = "The body's role, if any, is ignored. The answer holds the invitation link, valid 72 hours,"
                    + " shown this once.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = StaffInvitationView.class)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid; the problem names it",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The email address already has an account",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response invite(StaffRequest request, @Context UriInfo uri) {
        StaffRequest body = StaffInvitationLinks.orEmpty(request);
        return links.created(invitations.inviteOperator(body.email(), body.displayName()), uri);
    }
}
