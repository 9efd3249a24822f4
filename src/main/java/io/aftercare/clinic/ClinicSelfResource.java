package io.aftercare.clinic;

import io.aftercare.problem.Problem;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A clinic's view of itself, and rotation of its own keys without the operator. */
@Path("/v1/clinic")
@RolesAllowed(Roles.CLINIC)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clinic")
@SecurityRequirement(name = "clinicKey")
@APIResponse(
        responseCode = "401",
        description = "No or unknown API key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "429",
        description = "Too many failed authentications from this address; see Retry-After",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class ClinicSelfResource {

    private final CurrentClinic current;
    private final ClinicService clinics;
    private final ApiKeys apiKeys;

    ClinicSelfResource(CurrentClinic current, ClinicService clinics, ApiKeys apiKeys) {
        this.current = current;
        this.clinics = clinics;
        this.apiKeys = apiKeys;
    }

    @GET
    @Operation(operationId = "getOwnClinic", summary = "The clinic this key belongs to")
    @APIResponse(
            responseCode = "200",
            description = "The calling clinic",
            content = @Content(schema = @Schema(implementation = ClinicService.ClinicView.class)))
    public ClinicService.ClinicView get() {
        return clinics.find(current.id()).orElseThrow();
    }

    @GET
    @Path("/api-keys")
    @Operation(
            operationId = "listOwnApiKeys",
            summary = "The clinic's API keys (prefixes only), with label, creation and last use")
    @APIResponse(
            responseCode = "200",
            description = "The clinic's keys, revoked ones included",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = KeyView.class)))
    public List<KeyView> keys() {
        return apiKeys.list(current.id());
    }

    @POST
    @Path("/api-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "issueOwnApiKey",
            summary = "Issue a new API key",
            description = "The body, optional, may label the key. The old key keeps working until it is revoked.")
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
    public Response issueKey(KeyRequest request) {
        String label = request == null ? null : request.label();
        return Response.status(Response.Status.CREATED)
                .entity(apiKeys.issue(current.id(), label))
                .build();
    }

    /** The same without a body (clients written before keys had labels post nothing, not even a Content-Type). */
    @POST
    @Path("/api-keys")
    @Operation(hidden = true)
    public Response issueUnlabelledKey() {
        return issueKey(null);
    }

    @DELETE
    @Path("/api-keys/{keyId}")
    @Operation(
            operationId = "revokeOwnApiKey",
            summary = "Revoke one of the clinic's API keys",
            description = "Never the last active one.")
    @APIResponse(
            responseCode = "404",
            description = "No such key for this clinic",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "It is the clinic's last active key: issue a new one first",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "200",
            description = "The key, now revoked",
            content = @Content(schema = @Schema(implementation = KeyView.class)))
    public KeyView revokeKey(@PathParam("keyId") UUID keyId) {
        return apiKeys.revokeKeepingOne(current.id(), keyId);
    }
}
