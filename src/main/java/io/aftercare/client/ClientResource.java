package io.aftercare.client;

import io.aftercare.clinic.CurrentClinic;
import io.aftercare.clinic.Roles;
import io.aftercare.optout.OptOuts;
import io.aftercare.problem.Problem;
import io.aftercare.problem.ProblemException;
import io.aftercare.reminder.ClientTexts;
import io.aftercare.reminder.ReminderView;
import io.aftercare.reminder.Reminders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
class ClientResource {

    private static final int DEFAULT_PAGE = 50;

    private final Reminders reminders;
    private final OptOuts optOuts;
    private final CurrentClinic clinic;
    private final ClientTexts clientTexts;

    ClientResource(Reminders reminders, OptOuts optOuts, CurrentClinic clinic, ClientTexts clientTexts) {
        this.reminders = reminders;
        this.clientTexts = clientTexts;
        this.optOuts = optOuts;
        this.clinic = clinic;
    }

    @GET
    @Path("/{clientId}/reminders")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(
            operationId = "getClientHistory",
            summary = "Every text of a client, across all their sessions, oldest first",
            description = "Cursor-paginated when 'limit' or 'cursor' is given (pass the nextCursor of a page to get"
                    + " the next); without either, every text, as before pagination existed.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClientHistory.class)))
    @APIResponse(
            responseCode = "404",
            description = "The clinic has posted no session for this client, or erased it",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "400",
            description = "A cursor this list did not give, or a limit out of range",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ClientHistory reminders(
            @PathParam("clientId") String clientId,
            @QueryParam("cursor") @Parameter(description = "The nextCursor of the page before") String cursor,
            @QueryParam("limit") @Parameter(description = "1 to 200; 50 when only a cursor is given") Integer limit) {
        Client client = Client.findByExternalId(clinic.id(), clientId)
                .orElseThrow(() -> ProblemException.notFound("No client " + clientId + " for this clinic"));
        Optional<Instant> optedOutAt = optOuts.optedOutSince(clinic.id(), client.phone);
        if (cursor == null && limit == null) {
            return new ClientHistory(
                    client.externalId,
                    optedOutAt.isPresent(),
                    optedOutAt.orElse(null),
                    reminders.forClient(client.id),
                    null);
        }
        ClientTexts.Page page = clientTexts.page(client.id, cursor, limit == null ? DEFAULT_PAGE : limit);
        return new ClientHistory(
                client.externalId, optedOutAt.isPresent(), optedOutAt.orElse(null), page.texts(), page.nextCursor());
    }

    @Schema(name = "ClientHistory")
    public record ClientHistory(
            String clientId,

            @Schema(description = "The client replied STOP: their texts are held until they reply START")
            boolean optedOut,

            Instant optedOutAt,
            List<ReminderView> reminders,

            @Schema(
                    description = "Pass as 'cursor' for the next page; null on the last page, and when the list was"
                            + " asked for whole (no cursor, no limit)",
                    nullable = true)
            String nextCursor) {}
}
