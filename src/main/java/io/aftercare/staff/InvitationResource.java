package io.aftercare.staff;

import io.aftercare.problem.ProblemException;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * An invitation link sets the new user's password once, within 72 hours. The link ({@code /app/invitation/<token>})
 * forwards to the form at {@code /app/set-password?token=<token>}, one path for the page and its post.
 */
@Path("/app")
@PermitAll
@Produces(MediaType.TEXT_HTML)
class InvitationResource {

    private final StaffInvitations invitations;

    InvitationResource(StaffInvitations invitations) {
        this.invitations = invitations;
    }

    @GET
    @Path("/invitation/{token}")
    @Operation(hidden = true)
    public Response invitation(@PathParam("token") String token) {
        return Response.seeOther(UriBuilder.fromPath("/app/set-password")
                        .queryParam("token", token)
                        .build())
                .build();
    }

    @GET
    @Path("/set-password")
    @Operation(hidden = true)
    public Response setPasswordPage(@RestQuery String token) {
        return invitations
                .invitee(token)
                .map(user -> StaffPages.ok(page(token, user, null)))
                .orElseGet(InvitationResource::refused);
    }

    @POST
    @Path("/set-password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response setPassword(@RestForm String token, @RestForm String password) {
        try {
            if (invitations.accept(token, password)) {
                return StaffPages.ok(StaffTemplates.passwordSet());
            }
        } catch (ProblemException e) {
            return invitations
                    .invitee(token)
                    .map(user -> StaffPages.html(
                            400, page(token, user, "The password must be at least 12 characters (at most 72 bytes).")))
                    .orElseGet(InvitationResource::refused);
        }
        return refused();
    }

    // 410: the link existed once; it is used up or past its 72 hours (an unknown token answers the same).
    private static Response refused() {
        return StaffPages.html(410, StaffTemplates.invitationRefused());
    }

    private static TemplateInstance page(String token, StaffUser user, String error) {
        return StaffTemplates.setPassword(token, user.email, user.displayName, error);
    }
}
