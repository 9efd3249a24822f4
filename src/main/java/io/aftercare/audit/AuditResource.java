package io.aftercare.audit;

import io.aftercare.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's view of the audit log. */
@Path("/admin/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
// The operator's role (clinic.Roles.OPERATOR), named through this package's own constant: audit depends on no feature.
@RolesAllowed(CurrentActor.OPERATOR)
@APIResponse(
        responseCode = "403",
        description = "A clinic's key: the audit log is the operator's",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class AuditResource {

    private final AuditEvents events;

    AuditResource(AuditEvents events) {
        this.events = events;
    }

    @GET
    @Operation(
            operationId = "listAuditEvents",
            summary = "Security-relevant actions, newest first",
            description = "Clinics created, API keys issued and revoked, sending paused and resumed, template changes,"
                    + " client erasures, retention purges, and dashboard users invited, signing in and out, locked out,"
                    + " given another role or removed: who (clinic:<id>, staff:<id>, operator or system), when, what.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "A query parameter is invalid",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public AuditPage list(
            @Parameter(description = "At most this many events, 1 to 200; 50 when absent") @QueryParam("limit")
                    String limit,
            @Parameter(description = "Only events older than this one: the nextBefore of the previous page")
                    @QueryParam("before")
                    String before,
            @Parameter(description = "Only events about this clinic") @QueryParam("clinicId") String clinicId,
            @Parameter(description = "Only this action, e.g. api-key.revoked") @QueryParam("action") String action) {
        return events.page(limit, before, clinicId, action);
    }
}
