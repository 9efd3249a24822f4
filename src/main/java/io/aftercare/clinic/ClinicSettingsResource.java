package io.aftercare.clinic;

import io.aftercare.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/clinic/settings")
@RolesAllowed(Roles.CLINIC)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clinic")
@SecurityRequirement(name = "clinicKey")
@APIResponse(
        responseCode = "401",
        description = "No or unknown API key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class ClinicSettingsResource {

    private final ClinicSettingsService settings;
    private final CurrentClinic clinic;

    ClinicSettingsResource(ClinicSettingsService settings, CurrentClinic clinic) {
        this.settings = settings;
        this.clinic = clinic;
    }

    @GET
    @Operation(
            operationId = "getSettings",
            summary = "The clinic's quiet hours, optional plan steps, retention and transliteration of texts")
    @APIResponse(
            responseCode = "200",
            description = "The clinic's settings",
            content = @Content(schema = @Schema(implementation = ClinicSettings.class)))
    public ClinicSettings get() {
        return settings.get(clinic.id());
    }

    @PUT
    @Operation(
            operationId = "updateSettings",
            summary = "Change the clinic's quiet hours, optional plan steps, retention and transliteration of texts",
            description =
                    "Replaces the settings as a whole. Quiet hours and steps apply to texts scheduled from now on;"
                            + " texts already scheduled keep their time. Retention applies to every client at the next purge."
                            + " Transliteration applies to texts scheduled from now on.")
    @APIResponse(
            responseCode = "400",
            description = "A field is invalid",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "200",
            description = "The settings as stored",
            content = @Content(schema = @Schema(implementation = ClinicSettings.class)))
    public ClinicSettings put(ClinicSettings body) {
        return settings.replace(clinic.id(), body);
    }
}
