package io.aftercare.reply;

import io.aftercare.clinic.CurrentClinic;
import io.aftercare.clinic.Roles;
import io.aftercare.problem.Problem;
import io.aftercare.reminder.ReminderView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/clients")
@RolesAllowed(Roles.CLINIC)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clients")
@SecurityRequirement(name = "clinicKey")
@APIResponse(
        responseCode = "401",
        description = "No or unknown API key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "404",
        description = "The clinic has posted no session for this client, or erased it",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class ClientMessageResource {

    /** A clinic's own text to a client. */
    @Schema(name = "ClientMessage")
    public record ClientMessage(
            @Schema(
                    description = "Plain text; it goes out as 'Clinic name: ...' unless it starts with the name, and"
                            + " must then fit in 2 SMS segments",
                    example = "Thanks Sam, that sounds normal for day 3. Call us if it gets worse.")
            String body,

            @Schema(description = "The id of the client's reply this answers, if any")
            String inReplyTo) {}

    private final ClinicMessages messages;
    private final Conversations conversations;
    private final CurrentClinic clinic;

    ClientMessageResource(ClinicMessages messages, Conversations conversations, CurrentClinic clinic) {
        this.messages = messages;
        this.conversations = conversations;
        this.clinic = clinic;
    }

    @POST
    @Path("/{clientId}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "sendClientMessage",
            summary = "Text a client in the clinic's own words",
            description = "Sent through the same dispatcher as the plan's texts (rate limit, opt-out, retries, delivery"
                    + " receipts) and recorded in the client's history as a text of kind MANUAL. It waits for the end"
                    + " of the clinic's quiet hours, unless the client wrote to the clinic in the last 12 hours. To a"
                    + " number that opted out it is recorded as HELD and not sent.")
    @APIResponse(
            responseCode = "202",
            description = "Recorded; the text's id, status and due time",
            content = @Content(schema = @Schema(implementation = ReminderView.class)))
    @APIResponse(
            responseCode = "400",
            description = "The body is blank, holds control characters or takes more than 2 SMS segments; or"
                    + " inReplyTo is not a reply of this client",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response send(@PathParam("clientId") String clientId, ClientMessage message) {
        ReminderView text = messages.send(
                clinic.id(),
                clientId,
                message == null ? null : message.body(),
                message == null ? null : message.inReplyTo());
        return Response.accepted(text).build();
    }

    @GET
    @Path("/{clientId}/conversation")
    @Operation(
            operationId = "getClientConversation",
            summary = "A client's texts (plan, manual, urgent answers) and replies in one timeline, oldest first")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = Conversations.Conversation.class)))
    public Conversations.Conversation conversation(@PathParam("clientId") String clientId) {
        return conversations.of(clinic.id(), clientId);
    }
}
