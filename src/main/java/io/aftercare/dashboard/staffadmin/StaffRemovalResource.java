package io.aftercare.dashboard.staffadmin;

import io.aftercare.dashboard.DashboardScope;
import io.aftercare.dashboard.Ids;
import io.aftercare.dashboard.PageNotFound;
import io.aftercare.problem.ProblemException;
import io.aftercare.staff.StaffAccounts;
import io.aftercare.staff.StaffRole;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Removing one of the clinic's users, after a confirmation page of its own (no script's {@code confirm()}): their
 * sessions end at once.
 */
@Path(StaffAdminResource.LIST + "/{id}/remove")
@RolesAllowed({StaffRole.STAFF_ROLE, StaffRole.OPERATOR_ROLE})
@Produces(MediaType.TEXT_HTML)
class StaffRemovalResource {

    private final DashboardScope scope;
    private final StaffAccounts accounts;
    private final StaffAdminPages pages;

    StaffRemovalResource(DashboardScope scope, StaffAccounts accounts, StaffAdminPages pages) {
        this.scope = scope;
        this.accounts = accounts;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public Response confirm(@RestPath String id) {
        StaffAdminResource.requireManagerActing(scope);
        return pages.remove(accounts.member(scope.clinicId(), Ids.require(id)).orElseThrow(PageNotFound::new));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response remove(@RestPath String id) {
        StaffAdminResource.requireManagerActing(scope);
        try {
            accounts.remove(scope.clinicId(), Ids.require(id));
        } catch (ProblemException e) {
            return pages.refused(e);
        }
        return Response.seeOther(URI.create(StaffAdminResource.LIST + "?done=removed"))
                .build();
    }
}
