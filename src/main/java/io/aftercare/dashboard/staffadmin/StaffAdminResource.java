package io.aftercare.dashboard.staffadmin;

import io.aftercare.dashboard.DashboardScope;
import io.aftercare.dashboard.Ids;
import io.aftercare.dashboard.PageForbidden;
import io.aftercare.dashboard.PageNotFound;
import io.aftercare.problem.FieldViolation;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Settings → Staff: the clinic's dashboard users, for its managers to invite, send a new link, give another role and
 * remove; operators see the list only, clinic staff not at all. A new link is shown in the answer to the post that
 * made it (no redirect, and {@code Cache-Control: no-store} on every page), so it is never shown again.
 */
@Path("/app/settings/staff")
@RolesAllowed({StaffRole.STAFF_ROLE, StaffRole.OPERATOR_ROLE})
@Produces(MediaType.TEXT_HTML)
class StaffAdminResource {

    private static final URI LIST = URI.create("/app/settings/staff");

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
        return page(200, InviteForm.empty(), null, doneText(done), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response invite(
            @RestForm String email, @RestForm String displayName, @RestForm String role, @Context UriInfo uri) {
        requireManagerActing();
        try {
            var invited = invitations.invite(scope.clinicId(), email, displayName, role);
            return page(200, InviteForm.empty(), shown(invited, uri), null, null);
        } catch (ProblemException e) {
            return page(
                    e.problem().status() == 409 ? 409 : 422,
                    refusedForm(email, displayName, role, e),
                    null,
                    null,
                    null);
        }
    }

    @POST
    @Path("/{id}/invitation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response sendNewLink(@RestPath String id, @Context UriInfo uri) {
        requireManagerActing();
        UUID staffId = Ids.require(id);
        try {
            return page(
                    200, InviteForm.empty(), shown(invitations.reinvite(scope.clinicId(), staffId), uri), null, null);
        } catch (ProblemException e) {
            return refused(e);
        }
    }

    @POST
    @Path("/{id}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response changeRole(@RestPath String id, @RestForm String role) {
        requireManagerActing();
        UUID staffId = Ids.require(id);
        try {
            accounts.changeRole(scope.clinicId(), staffId, role);
        } catch (ProblemException e) {
            return refused(e);
        }
        return Response.seeOther(URI.create(LIST + "?done=role")).build();
    }

    /** The confirmation page of a removal: a page of its own, not a script's {@code confirm()}. */
    @GET
    @Path("/{id}/remove")
    @Operation(hidden = true)
    public Response confirmRemoval(@RestPath String id) {
        requireManagerActing();
        return pages.remove(accounts.member(scope.clinicId(), Ids.require(id)).orElseThrow(PageNotFound::new));
    }

    @POST
    @Path("/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response remove(@RestPath String id) {
        requireManagerActing();
        UUID staffId = Ids.require(id);
        try {
            accounts.remove(scope.clinicId(), staffId);
        } catch (ProblemException e) {
            return refused(e);
        }
        return Response.seeOther(URI.create(LIST + "?done=removed")).build();
    }

    // Operators first: they may post nothing, whatever else holds.
    private void requireManagerActing() {
        scope.requireActor();
        scope.requireManager();
    }

    private Response page(int status, InviteForm form, ShownLink link, String done, String error) {
        return pages.list(status, accounts.list(scope.clinicId()), form, link, done, error);
    }

    private ShownLink shown(StaffInvitations.Invited invited, UriInfo uri) {
        return new ShownLink(
                invited.displayName(), links.url(invited, uri.getBaseUri()), pages.time(invited.expiresAt()));
    }

    // Another clinic's or an unknown user: the dashboard's 404. The last manager or a bad role: the list again.
    private Response refused(ProblemException e) {
        int status = e.problem().status();
        if (status == 404) {
            throw new PageNotFound();
        }
        StaffAdminLabels labels = pages.labels();
        String message = status == 409 ? labels.errorLastManager() : labels.errorRole();
        return page(status == 409 ? 409 : 422, InviteForm.empty(), null, null, message);
    }

    private InviteForm refusedForm(String email, String displayName, String role, ProblemException e) {
        StaffAdminLabels labels = pages.labels();
        String emailError = e.problem().status() == 409 ? labels.errorEmailTaken() : null;
        String nameError = null;
        String roleError = null;
        for (FieldViolation violation : e.problem().errors()) {
            switch (violation.field()) {
                case "email" -> emailError = labels.errorEmail();
                case "displayName" -> nameError = labels.errorName();
                default -> roleError = labels.errorRole();
            }
        }
        return new InviteForm(
                email == null ? "" : email,
                displayName == null ? "" : displayName,
                "MANAGER".equals(role) ? "MANAGER" : "STAFF",
                emailError,
                nameError,
                roleError);
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
