package io.aftercare.dashboard.staffadmin;

import io.aftercare.dashboard.DashboardScope;
import io.aftercare.dashboard.Ids;
import io.aftercare.dashboard.PageForbidden;
import io.aftercare.problem.ProblemException;
import io.aftercare.staff.StaffAccounts;
import io.aftercare.staff.StaffInvitationLinks;
import io.aftercare.staff.StaffInvitations;
import io.aftercare.staff.StaffRole;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Settings → Staff: the clinic's dashboard users, for its managers to invite, send a new link and give another role
 * (removal: {@link StaffRemovalResource}); operators see the list only, clinic staff not at all. A new link is shown in
 * the answer to the post that made it (no redirect, and {@code Cache-Control: no-store} on every page), so it is never
 * shown again.
 */
@Path(StaffAdminResource.LIST)
@RolesAllowed({StaffRole.STAFF_ROLE, StaffRole.OPERATOR_ROLE})
@Produces(MediaType.TEXT_HTML)
class StaffAdminResource {

    static final String LIST = "/app/settings/staff";

    private final DashboardScope scope;
    private final StaffAccounts accounts;
    private final StaffInvitations invitations;
    private final StaffInvitationLinks links;
    private final StaffAdminPages pages;

    StaffAdminResource(
            DashboardScope scope,
            StaffAccounts accounts,
            StaffInvitations invitations,
            StaffInvitationLinks links,
            StaffAdminPages pages) {
        this.scope = scope;
        this.accounts = accounts;
        this.invitations = invitations;
        this.links = links;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public Response list(@RestQuery String done) {
        if (!scope.isManager() && !scope.isOperator()) {
            throw new PageForbidden();
        }
        return pages.list(200, InviteForm.empty(), null, doneText(done), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response invite(
            @RestForm String email, @RestForm String displayName, @RestForm String role, @Context UriInfo uri) {
        requireManagerActing(scope);
        try {
            var invited = invitations.invite(scope.clinicId(), email, displayName, role);
            return pages.list(200, InviteForm.empty(), shown(invited, uri), null, null);
        } catch (ProblemException e) {
            InviteForm refused = InviteForm.refused(email, displayName, role, e, pages.labels());
            return pages.list(e.problem().status() == 409 ? 409 : 422, refused, null, null, null);
        }
    }

    @POST
    @Path("/{id}/invitation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response sendNewLink(@RestPath String id, @Context UriInfo uri) {
        requireManagerActing(scope);
        try {
            var invited = invitations.reinvite(scope.clinicId(), Ids.require(id));
            return pages.list(200, InviteForm.empty(), shown(invited, uri), null, null);
        } catch (ProblemException e) {
            return pages.refused(e);
        }
    }

    @POST
    @Path("/{id}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response changeRole(@RestPath String id, @RestForm String role) {
        requireManagerActing(scope);
        try {
            accounts.changeRole(scope.clinicId(), Ids.require(id), role);
        } catch (ProblemException e) {
            return pages.refused(e);
        }
        return Response.seeOther(URI.create(LIST + "?done=role")).build();
    }

    /** Operators are refused first: they may post nothing, whatever else holds. */
    static void requireManagerActing(DashboardScope scope) {
        scope.requireActor();
        scope.requireManager();
    }

    private ShownLink shown(StaffInvitations.Invited invited, UriInfo uri) {
        return new ShownLink(
                invited.displayName(), links.url(invited, uri.getBaseUri()), pages.time(invited.expiresAt()));
    }

    private String doneText(String done) {
        if ("role".equals(done)) {
            return pages.labels().doneRole();
        }
        if ("removed".equals(done)) {
            return pages.labels().doneRemoved();
        }
        return null;
    }
}
