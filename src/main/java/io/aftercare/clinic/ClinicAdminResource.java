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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    @Operation(summary = "List clinics")
    public List<ClinicService.ClinicView> list() {
        return clinics.list();
    }

    @GET
    @Path("/{clinicId}")
    @Operation(summary = "Read a clinic")
    @APIResponse(
            responseCode = "404",
            description = "No such clinic",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ClinicService.ClinicView get(@PathParam("clinicId") UUID clinicId) {
        return clinics.find(clinicId).orElseThrow(() -> ProblemException.notFound("No clinic " + clinicId));
    }

    @GET
    @Path("/{clinicId}/api-keys")
    @Operation(summary = "List a clinic's API keys (prefixes only), with label, creation and last use")
    public List<KeyView> keys(@PathParam("clinicId") UUID clinicId) {
        get(clinicId);
        return apiKeys.list(clinicId);
    }

    @POST
    @Path("/{clinicId}/api-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
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
            summary = "Revoke one of a clinic's API keys",
            description = "Even its last: the clinic then has no key" + " until the operator issues one.")
    @APIResponse(
            responseCode = "404",
            description = "No such key for this clinic",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public KeyView revokeKey(@PathParam("clinicId") UUID clinicId, @PathParam("keyId") UUID keyId) {
        return apiKeys.revoke(clinicId, keyId);
    }

    @GET
    @Path("/{clinicId}/sending-pause")
    @Operation(
            summary = "Why the clinic's sending is paused, if it is",
            description =
                    "Its own pause, or else the account's or sender's (scope ACCOUNT or SENDER), which stops every"
                            + " clinic.")
    @APIResponse(
            responseCode = "404",
            description = "The clinic's sending is not paused",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public SendingPauses.Pause pause(@PathParam("clinicId") UUID clinicId) {
        return pauses.of(clinicId)
                .orElseThrow(() -> ProblemException.notFound("Sending is not paused for " + clinicId));
    }

    @DELETE
    @Path("/{clinicId}/sending-pause")
    @Operation(
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
