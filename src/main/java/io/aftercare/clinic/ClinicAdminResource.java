package io.aftercare.clinic;

import io.aftercare.pause.SendingPauses;
import io.aftercare.problem.Problem;
import io.aftercare.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
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

/** The operator's API: onboard clinics and manage their keys. Enabled by {@code aftercare.admin.api-key}. */
// Over 150 lines: thin endpoints, each a call to a service; most of the lines are their OpenAPI annotations.
@Path("/admin/v1/clinics")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
@APIResponse(
        responseCode = "401",
        description = "No or wrong admin key, or the admin API is disabled",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "A clinic's key, not the admin key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "429",
        description = "Too many failed authentications from this address; see Retry-After",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class ClinicAdminResource {

    private static final int DEFAULT_PAGE = 50;

    private final ClinicService clinics;
    private final ApiKeys apiKeys;
    private final SendingPauses pauses;

    ClinicAdminResource(ClinicService clinics, ApiKeys apiKeys, SendingPauses pauses) {
        this.clinics = clinics;
        this.apiKeys = apiKeys;
        this.pauses = pauses;
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

    @GET
    @Path("/{clinicId}/api-keys")
    @Operation(
            operationId = "listClinicApiKeys",
            summary = "List a clinic's API keys (prefixes only), with label, creation and last use")
    @APIResponse(
            responseCode = "200",
            description = "The clinic's keys, revoked ones included",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = KeyView.class)))
    public List<KeyView> keys(@PathParam("clinicId") UUID clinicId) {
        get(clinicId);
        return apiKeys.list(clinicId);
    }

    @POST
    @Path("/{clinicId}/api-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "issueClinicApiKey",
            summary = "Issue a new API key for a clinic",
            description = "The body, optional, may label the key. To rotate: issue a new key, switch the clinic's"
                    + " system to it, then revoke the old one.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = IssuedKey.class)))
    @APIResponse(
            responseCode = "400",
            description = "The label is too long or holds control characters",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The clinic holds the most active keys it may; revoke one first",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response issueKey(@PathParam("clinicId") UUID clinicId, KeyRequest request) {
        get(clinicId);
        String label = request == null ? null : request.label();
        return Response.status(Response.Status.CREATED)
                .entity(apiKeys.issue(clinicId, label))
                .build();
    }

    /** The same without a body (clients written before keys had labels post nothing, not even a Content-Type). */
    @POST
    @Path("/{clinicId}/api-keys")
    @Operation(hidden = true)
    public Response issueUnlabelledKey(@PathParam("clinicId") UUID clinicId) {
        return issueKey(clinicId, null);
    }

    @DELETE
    @Path("/{clinicId}/api-keys/{keyId}")
    @Operation(
            operationId = "revokeClinicApiKey",
            summary = "Revoke one of a clinic's API keys",
            description = "Even its last: the clinic then has no key" + " until the operator issues one.")
    @APIResponse(
            responseCode = "404",
            description = "No such key for this clinic",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "200",
            description = "The key, now revoked",
            content = @Content(schema = @Schema(implementation = KeyView.class)))
    public KeyView revokeKey(@PathParam("clinicId") UUID clinicId, @PathParam("keyId") UUID keyId) {
        return apiKeys.revoke(clinicId, keyId);
    }

    @GET
    @Path("/{clinicId}/sending-pause")
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
    @Path("/{clinicId}/sending-pause")
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
