package io.aftercare.reply;

import io.aftercare.clinic.CurrentClinic;
import io.aftercare.clinic.Roles;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/replies")
@RolesAllowed(Roles.CLINIC)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Replies")
@SecurityRequirement(name = "clinicKey")
@APIResponse(
        responseCode = "401",
        description = "No or unknown API key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class ReplyResource {

    /** The body of a resolution; the note is optional. */
    @Schema(name = "Resolution")
    public record Resolution(
            @Schema(example = "Called back, healing normally")
            String note) {}

    @Schema(name = "ReplyPage")
    public record ReplyPage(
            java.util.List<ReplyView> replies,

            @Schema(description = "Pass as cursor for the next page; absent on the last page")
            String nextCursor) {}

    private final Replies replies;
    private final CurrentClinic clinic;

    ReplyResource(Replies replies, CurrentClinic clinic) {
        this.replies = replies;
        this.clinic = clinic;
    }

    @GET
    @Operation(
            operationId = "listReplies",
            summary = "The clinic's replies from clients, urgent first, then newest first",
            description = "Cursor-paginated: pass the nextCursor of a page to get the next. Replies that come in"
                    + " meanwhile never shift the pages still to come; they sort before the cursor.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReplyPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "Unknown status or category, a cursor this list did not give, or a limit out of range",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ReplyPage list(
            @QueryParam("status") @Parameter(description = "open or resolved") String status,
            @QueryParam("category") @Parameter(description = "URGENT, QUESTION, OTHER or KEYWORD") String category,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Parameter(description = "1 to 200; 50 unless given") Integer limit) {
        Replies.Page page = replies.list(clinic.id(), status, category, cursor, limit);
        return new ReplyPage(page.replies(), page.nextCursor());
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "resolveReply",
            summary = "Mark a reply as dealt with",
            description = "Records who (the API key's clinic) and when, and the note if one is given. Resolving a"
                    + " resolved reply changes nothing and answers it as first resolved.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReplyView.class)))
    @APIResponse(
            responseCode = "400",
            description = "The note is too long (over 1,000 characters) or holds control characters",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "The clinic has no such reply",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ReplyView resolve(@PathParam("id") String id, Resolution resolution) {
        UUID replyId = parse(id);
        return replies.resolve(clinic.id(), replyId, resolution == null ? null : resolution.note())
                .orElseThrow(() -> ProblemException.notFound("No reply " + id + " for this clinic"));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No reply " + id + " for this clinic");
        }
    }
}
