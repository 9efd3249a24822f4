package io.aftercare.clinic;

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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's API for a clinic's keys: list, issue and revoke them. Enabled by {@code aftercare.admin.api-key}. */
@Path("/admin/v1/clinics/{clinicId}/api-keys")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
class ClinicApiKeysResource {

    private final ClinicService clinics;
    private final ApiKeys apiKeys;

    ClinicApiKeysResource(ClinicService clinics, ApiKeys apiKeys) {
        this.clinics = clinics;
        this.apiKeys = apiKeys;
    }

    @GET
    @Operation(
            operationId = "listClinicApiKeys",
            summary = "List a clinic's API keys (prefixes only), with label, creation and last use")
    @APIResponse(
            responseCode = "200",
            description = "The clinic's keys, revoked ones included",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = KeyView.class)))
    public List<KeyView> keys(@PathParam("clinicId") UUID clinicId) {
        requireClinic(clinicId);
        return apiKeys.list(clinicId);
    }

    @POST
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
        requireClinic(clinicId);
        String label = request == null ? null : request.label();
        return Response.status(Response.Status.CREATED)
                .entity(apiKeys.issue(clinicId, label))
                .build();
    }

    /** The same without a body (clients written before keys had labels post nothing, not even a Content-Type). */
    @POST
    @Operation(hidden = true)
    public Response issueUnlabelledKey(@PathParam("clinicId") UUID clinicId) {
        return issueKey(clinicId, null);
    }

    @DELETE
    @Path("/{keyId}")
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

    // A clinic that does not exist answers 404, as GET /admin/v1/clinics/{clinicId} does, not an empty list.
    private void requireClinic(UUID clinicId) {
        clinics.find(clinicId).orElseThrow(() -> ProblemException.notFound("No clinic " + clinicId));
    }
}
