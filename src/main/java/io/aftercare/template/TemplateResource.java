package io.aftercare.template;

import io.aftercare.clinic.CurrentClinic;
import io.aftercare.clinic.Roles;
import io.aftercare.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/clinic/templates")
@RolesAllowed(Roles.CLINIC)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clinic")
@SecurityRequirement(name = "clinicKey")
@APIResponse(
        responseCode = "401",
        description = "No or unknown API key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class TemplateResource {

    /** The body of a template change. */
    @Schema(name = "TemplateChange")
    public record TemplateChange(
            @Schema(example = "{clinicName}: Hi {firstName}, rinse gently with warm water from today.")
            String template) {}

    private final Templates templates;
    private final CurrentClinic clinic;

    TemplateResource(Templates templates, CurrentClinic clinic) {
        this.templates = templates;
        this.clinic = clinic;
    }

    @GET
    @Operation(
            operationId = "listTemplates",
            summary = "Every step's text in every language, the clinic's own where it wrote one")
    @APIResponse(
            responseCode = "200",
            description = "Every step's wording in every language",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TemplateView.class)))
    public List<TemplateView> list() {
        return templates.list(clinic.id());
    }

    @GET
    @Path("/{step}/{language}")
    @Operation(operationId = "getTemplate", summary = "One step's text in one language")
    @APIResponse(
            responseCode = "404",
            description = "No such step or language in the plan",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "200",
            description = "The wording",
            content = @Content(schema = @Schema(implementation = TemplateView.class)))
    public TemplateView get(@PathParam("step") String step, @PathParam("language") String language) {
        return templates.get(clinic.id(), step, language);
    }

    @PUT
    @Path("/{step}/{language}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "updateTemplate",
            summary = "Word a step in the clinic's own way",
            description = "Plain text of at most 1,000 characters that may name the values {firstName}, {clinicName},"
                    + " {clinicPhone}, {treatmentContinues}, {sessionDate}, {nextSessionDate}, {stepDate} and"
                    + " {pageLink}, and choose between words with {#if value}...{#else}...{/if} (also {#if !value} and"
                    + " {#if value == 'text'})."
                    + " Nothing else is evaluated: no namespaces, no methods or properties of values, no loops, no"
                    + " includes. It must fit in 2 SMS segments with long sample names; for a longer real name the"
                    + " name is shortened when the text is scheduled. Unless the clinic turned smsTransliteration off,"
                    + " it is measured and sent in the GSM alphabet as far as it goes (’ as ', — as -, ê as e), and"
                    + " the answer's fit names the characters that still make it UCS-2. It must also break no rule of"
                    + " the healthcare compliance profile (POST /v1/plan/lint) that the plan's own text of the step"
                    + " keeps: while clients have pages, at most 160 characters and one segment with long names and the"
                    + " page link, and the opt-out wording in the first text. It applies to texts scheduled from now"
                    + " on.")
    @APIResponse(
            responseCode = "400",
            description = "The template uses something it may not, holds control characters, takes more than 2 SMS"
                    + " segments, or breaks a rule of the compliance profile that the plan's own text keeps (one"
                    + " error per rule, its reason starting with the rule's name)",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such step or language in the plan",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "200",
            description = "The wording as stored",
            content = @Content(schema = @Schema(implementation = TemplateView.class)))
    public TemplateView put(
            @PathParam("step") String step, @PathParam("language") String language, TemplateChange change) {
        return templates.put(clinic.id(), step, language, change == null ? null : change.template());
    }

    @DELETE
    @Path("/{step}/{language}")
    @Operation(operationId = "resetTemplate", summary = "Go back to the plan's text for this step and language")
    @APIResponse(
            responseCode = "404",
            description = "The clinic has no own text here",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "200",
            description = "The plan's own wording, now in use again",
            content = @Content(schema = @Schema(implementation = TemplateView.class)))
    public TemplateView reset(@PathParam("step") String step, @PathParam("language") String language) {
        return templates.reset(clinic.id(), step, language);
    }
}
