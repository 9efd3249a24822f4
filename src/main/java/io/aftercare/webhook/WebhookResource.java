package io.aftercare.webhook;

import io.aftercare.clinic.CurrentClinic;
import io.aftercare.clinic.Roles;
import io.aftercare.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A clinic's outbound webhooks: where its system hears of replies, texts, opt-outs and paused sending. */
@Path("/v1/clinic/webhooks")
@RolesAllowed(Roles.CLINIC)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@SecurityRequirement(name = "clinicKey")
@APIResponse(
        responseCode = "401",
        description = "No or unknown API key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class WebhookResource {

    private final CurrentClinic clinic;
    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;

    WebhookResource(CurrentClinic clinic, WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
        this.clinic = clinic;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createWebhookEndpoint",
            summary = "Register an endpoint",
            description = "Events are posted as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature)."
                    + " The answer holds the signing secret, which no later answer shows.")
    @APIResponse(
            responseCode = "201",
            content = @Content(schema = @Schema(implementation = EndpointViews.Created.class)))
    @APIResponse(
            responseCode = "400",
            description = "The URL, an event type or the secret is invalid",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The clinic has the most endpoints it may have",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response create(EndpointRequest request) {
        EndpointViews.Created created = endpoints.create(clinic.id(), request);
        return Response.created(URI.create("/v1/clinic/webhooks/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Operation(operationId = "listWebhookEndpoints", summary = "The clinic's endpoints, without their secrets")
    @APIResponse(
            responseCode = "200",
            description = "The clinic's endpoints",
            content =
                    @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = EndpointViews.Endpoint.class)))
    public List<EndpointViews.Endpoint> list() {
        return endpoints.list(clinic.id());
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteWebhookEndpoint",
            summary = "Delete an endpoint",
            description = "Its pending deliveries are cancelled.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "No such endpoint for this clinic",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") UUID id) {
        endpoints.delete(clinic.id(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret")
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Rotate an endpoint's signing secret",
            description =
                    "The new secret is shown in this answer only. For 24 hours the old one signs too: each request"
                            + " then carries two signatures, and either verifies.")
    @APIResponse(
            responseCode = "404",
            description = "No such endpoint for this clinic",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "200",
            description = "The new secret, shown only this once",
            content = @Content(schema = @Schema(implementation = EndpointViews.Rotated.class)))
    public EndpointViews.Rotated rotateSecret(@PathParam("id") UUID id) {
        return endpoints.rotateSecret(clinic.id(), id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "The endpoint's deliveries, newest first, each with its attempts")
    @APIResponse(
            responseCode = "400",
            description = "The cursor is invalid",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such endpoint for this clinic",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "200",
            description = "A page of deliveries",
            content = @Content(schema = @Schema(implementation = EndpointViews.DeliveryPage.class)))
    public EndpointViews.DeliveryPage deliveries(
            @PathParam("id") UUID id,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return deliveries.page(clinic.id(), id, cursor);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @Operation(
            operationId = "retryWebhookDelivery",
            summary = "Send a failed delivery again",
            description = "The same event (same webhook-id) goes back in the queue, retried for another 24 hours.")
    @APIResponse(
            responseCode = "404",
            description = "No such endpoint or delivery for this clinic",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The delivery has not failed, or the endpoint is disabled",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "200",
            description = "The delivery, due again",
            content = @Content(schema = @Schema(implementation = EndpointViews.Delivery.class)))
    public EndpointViews.Delivery retry(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return deliveries.retry(clinic.id(), id, deliveryId);
    }
}
