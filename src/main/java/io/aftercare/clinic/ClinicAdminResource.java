package io.aftercare.clinic;

import io.aftercare.problem.Problem;
import io.aftercare.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operator's API: onboard clinics and read them. Their keys are {@link ClinicApiKeysResource}'s, their sending
 * pauses {@link ClinicSendingPauseResource}'s. Enabled by {@code aftercare.admin.api-key}.
 */
@Path("/admin/v1/clinics")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
class ClinicAdminResource {

    private static final int DEFAULT_PAGE = 50;

    private final ClinicService clinics;

    ClinicAdminResource(ClinicService clinics) {
        this.clinics = clinics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createClinic",
            summary = "Onboard a clinic",
            description = "Answers with the clinic's first API key, shown only this once.")
    @APIResponse(
            responseCode = "201",
            content = @Content(schema = @Schema(implementation = ClinicService.NewClinic.class)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response create(ClinicService.ClinicRequest request, UriInfo uri) {
        if (request == null) {
            throw ProblemException.invalid("", "a clinic is required as the JSON body");
        }
        ClinicService.NewClinic created = clinics.create(request, Optional.empty());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.clinic().id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Operation(
            operationId = "listClinics",
            summary = "List clinics, in the order they were onboarded",
            description = "Cursor-paginated when 'limit' or 'cursor' is given: the answer then holds at most 'limit'"
                    + " clinics and, when more follow, a Link header (rel=\"next\") and an X-Next-Cursor header to pass"
                    + " as 'cursor'. Without either, every clinic, as before pagination existed.")
    @APIResponse(
            responseCode = "200",
            description = "The clinics",
            headers = {
                @Header(
                        name = "Link",
                        description = "<...?cursor=...&limit=...>; rel=\"next\" when another page follows",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(
                        name = "X-Next-Cursor",
                        description = "The cursor of the next page, when another page follows",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ClinicService.ClinicView.class)))
    @APIResponse(
            responseCode = "400",
            description = "A cursor this list did not give, or a limit out of range",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response list(
            @QueryParam("cursor") @Parameter(description = "The X-Next-Cursor of the page before") String cursor,
            @QueryParam("limit") @Parameter(description = "1 to 200; 50 when only a cursor is given") Integer limit,
            UriInfo uri) {
        if (cursor == null && limit == null) {
            return Response.ok(clinics.list()).build();
        }
        ClinicService.ClinicPage page = clinics.page(cursor, limit == null ? DEFAULT_PAGE : limit);
        Response.ResponseBuilder answer = Response.ok(page.clinics());
        if (page.nextCursor() != null) {
            URI next = uri.getRequestUriBuilder()
                    .replaceQueryParam("cursor", page.nextCursor())
                    .replaceQueryParam("limit", limit == null ? DEFAULT_PAGE : limit)
                    .build();
            answer.header("X-Next-Cursor", page.nextCursor()).link(next, "next");
        }
        return answer.build();
    }

    @GET
    @Path("/{clinicId}")
    @Operation(operationId = "getClinic", summary = "Read a clinic")
    @APIResponse(
            responseCode = "404",
            description = "No such clinic",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "200",
            description = "The clinic",
            content = @Content(schema = @Schema(implementation = ClinicService.ClinicView.class)))
    public ClinicService.ClinicView get(@PathParam("clinicId") UUID clinicId) {
        return clinics.find(clinicId).orElseThrow(() -> ProblemException.notFound("No clinic " + clinicId));
    }
}
