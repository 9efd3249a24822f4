package io.aftercare.template;

import io.aftercare.clinic.CurrentClinic;
import io.aftercare.clinic.Roles;
import io.aftercare.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/plan/lint")
@RolesAllowed(Roles.CLINIC)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clinic")
@SecurityRequirement(name = "clinicKey")
@APIResponse(
        responseCode = "401",
        description = "No or unknown API key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class PlanLintResource {

    private final ClinicPlanLinter linter;
    private final CurrentClinic clinic;

    PlanLintResource(ClinicPlanLinter linter, CurrentClinic clinic) {
        this.linter = linter;
        this.clinic = clinic;
    }

    // No @Consumes: a request without a body (curl -X POST) has no Content-Type either, and must lint the plan in
    // force.
    @POST
    @Operation(
            operationId = "lintPlan",
            summary = "Lint a plan against the healthcare compliance profile",
            description = "Without a body, lints the plan in force with the clinic's own wordings; with one, lints the"
                    + " plan it holds (the JSON form of the built-in plan: version, defaultLanguage, steps with key,"
                    + " due, messages and short per language). Either way with the clinic's quiet hours, every text"
                    + " rendered with long sample names and, while clients have pages, each step's short form with a"
                    + " link as long as a client's. Reports each text's encoding, the characters forcing UCS-2, its"
                    + " characters, units and segments, and every breach: a value a text cannot mention, a text that"
                    + " does not render, over 160 characters or one segment, no opt-out wording in the first text, more"
                    + " than one text a day or three in 7 days, a due time inside quiet hours. Texts are rendered by"
                    + " the clinic-text sandbox: nothing but the values and {#if} is evaluated.")
    @RequestBody(
            required = false,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "The plan linted; clean is false when it has findings")
    @APIResponse(
            responseCode = "400",
            description = "The body is not JSON, or not a plan: the field at fault is named",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "The body is over the service's body size limit",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "A body that is not application/json",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public PlanLintView lint(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, byte[] body) {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return linter.lintInForce(clinic.id());
        }
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new NotSupportedException();
        }
        return linter.lintPosted(clinic.id(), body);
    }
}
