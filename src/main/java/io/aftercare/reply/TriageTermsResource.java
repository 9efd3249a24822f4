package io.aftercare.reply;

import io.aftercare.clinic.CurrentClinic;
import io.aftercare.clinic.Roles;
import io.aftercare.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/clinic/triage-terms")
@RolesAllowed(Roles.CLINIC)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clinic")
@SecurityRequirement(name = "clinicKey")
@APIResponse(
        responseCode = "401",
        description = "No or unknown API key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class TriageTermsResource {

    @Schema(name = "TriageTerms")
    public record TriageTerms(
            @Schema(
                    description = "The clinic's own words that make a reply URGENT, besides the plan's. Whole words;"
                            + " end a word with * to match every word it starts. Case and accents are ignored.",
                    example = "[\"oozing\", \"crust* yellow\"]")
            List<String> urgent) {}

    private final ClinicTriageTerms terms;
    private final CurrentClinic clinic;

    TriageTermsResource(ClinicTriageTerms terms, CurrentClinic clinic) {
        this.terms = terms;
        this.clinic = clinic;
    }

    @GET
    @Operation(operationId = "getTriageTerms", summary = "The clinic's own urgent terms")
    @APIResponse(
            responseCode = "200",
            description = "The clinic's urgent terms",
            content = @Content(schema = @Schema(implementation = TriageTerms.class)))
    public TriageTerms get() {
        return new TriageTerms(terms.of(clinic.id()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "updateTriageTerms",
            summary = "Replace the clinic's own urgent terms",
            description = "At most 100 terms of at most 60 characters each, plain text, each holding a letter or digit;"
                    + " * only at the end of a word. They apply to replies received from now on.")
    @APIResponse(
            responseCode = "400",
            description = "A term is blank, too long, holds control characters or a misplaced *, or there are too"
                    + " many; the field names it, e.g. urgent[2]",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "200",
            description = "The terms as stored",
            content = @Content(schema = @Schema(implementation = TriageTerms.class)))
    public TriageTerms put(TriageTerms change) {
        return new TriageTerms(terms.replace(clinic.id(), change == null ? null : change.urgent()));
    }
}
