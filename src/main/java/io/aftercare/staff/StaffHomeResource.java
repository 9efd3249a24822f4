package io.aftercare.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The dashboard's first page (a placeholder for now: who is signed in, and signing out). */
@Path("/app")
@RolesAllowed({StaffRole.STAFF_ROLE, StaffRole.OPERATOR_ROLE})
@Produces(MediaType.TEXT_HTML)
class StaffHomeResource {

    private final CurrentStaff current;

    StaffHomeResource(CurrentStaff current) {
        this.current = current;
    }

    @GET
    @Operation(hidden = true)
    public Response home() {
        return StaffPages.ok(StaffTemplates.home(current.displayName()));
    }
}
