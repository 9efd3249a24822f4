package io.aftercare.session;

import io.aftercare.clinic.CurrentClinic;
import io.aftercare.clinic.Roles;
import io.aftercare.observability.MdcScope;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/sessions")
@RolesAllowed(Roles.CLINIC)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
@SecurityRequirement(name = "clinicKey")
@APIResponse(
        responseCode = "401",
        description = "No or unknown API key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class SessionResource {

    private final SessionService sessions;
    private final CurrentClinic clinic;

    SessionResource(SessionService sessions, CurrentClinic clinic) {
        this.sessions = sessions;
        this.clinic = clinic;
    }

    @POST
    @Operation(operationId = "createSession", summary = "Post a completed session and schedule its aftercare texts")
    @APIResponse(
            responseCode = "201",
            description = "Stored; the texts are scheduled",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(
            responseCode = "200",
            description = "The same session was posted before; nothing changed",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "This sessionId was posted before with different details",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response post(SessionRequest request, UriInfo uri) {
        PostedSession posted;
        try (MdcScope scope = MdcScope.of(MdcScope.CLINIC_ID, clinic.id())) {
            posted = sessions.post(clinic.id(), request);
        }
        if (!posted.created()) {
            return Response.ok(posted.session()).build();
        }
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(posted.session().id().toString())
                        .build())
                .entity(posted.session())
                .build();
    }

    @POST
    @Path("/preview")
    @Operation(
            operationId = "previewSession",
            summary = "Show what posting this session would schedule, without storing anything",
            description = "Same body as a post. Each text comes rendered, with its due instant in UTC and on the"
                    + " client's clock, its SMS encoding and segment count.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionPreview.class)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public SessionPreview preview(SessionRequest request) {
        return sessions.preview(clinic.id(), request);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSession", summary = "Read a session and the state of its texts")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such session for this clinic",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public SessionView get(@PathParam("id") UUID id) {
        return sessions.find(clinic.id(), id).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "cancelSession",
            summary = "Cancel a session posted by mistake",
            description =
                    "Texts not yet sent are cancelled; texts already sent are left as they are. Repeating it is harmless.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such session for this clinic",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public SessionView cancel(@PathParam("id") UUID id) {
        try (MdcScope scope = MdcScope.of(MdcScope.CLINIC_ID, clinic.id()).and(MdcScope.SESSION_ID, id)) {
            return sessions.cancel(clinic.id(), id).orElseThrow(() -> notFound(id));
        }
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No session " + id + " for this clinic");
    }
}
