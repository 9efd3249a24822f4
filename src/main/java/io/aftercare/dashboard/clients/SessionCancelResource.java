package io.aftercare.dashboard.clients;

import io.aftercare.client.ClientDirectory;
import io.aftercare.dashboard.ClinicTimes;
import io.aftercare.dashboard.DashboardScope;
import io.aftercare.dashboard.Ids;
import io.aftercare.dashboard.PageNotFound;
import io.aftercare.reminder.ReminderStatus;
import io.aftercare.reminder.Reminders;
import io.aftercare.session.SessionService;
import io.aftercare.session.SessionStatus;
import io.aftercare.session.SessionSummary;
import io.aftercare.staff.StaffRole;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Cancelling a session posted by mistake: a page that says what will happen and asks, then the post that does it, as
 * {@code DELETE /v1/sessions/{id}} does (texts not yet sent are cancelled, texts sent stay). No script confirm: the
 * page itself is the confirmation, and works without JavaScript.
 */
@Path("/app/sessions/{id}/cancel")
@RolesAllowed({StaffRole.STAFF_ROLE, StaffRole.OPERATOR_ROLE})
@Produces(MediaType.TEXT_HTML)
class SessionCancelResource {

    private final DashboardScope scope;
    private final SessionService sessions;
    private final ClientDirectory directory;
    private final Reminders reminders;

    SessionCancelResource(
            DashboardScope scope, SessionService sessions, ClientDirectory directory, Reminders reminders) {
        this.scope = scope;
        this.sessions = sessions;
        this.directory = directory;
        this.reminders = reminders;
    }

    /** What the confirmation page shows. */
    record Confirmation(
            SessionSummary session, ClinicTimes.ShownTime ended, UUID clientId, String clientName, int pending) {

        public boolean cancelled() {
            return session.status() == SessionStatus.CANCELLED;
        }
    }

    @CheckedTemplate(basePath = "dashboard/clients")
    static final class Pages {

        private Pages() {}

        static native TemplateInstance cancel(Confirmation confirmation);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance confirm(@PathParam("id") String id) {
        UUID clinicId = scope.clinicId();
        SessionSummary session = sessions.summary(clinicId, Ids.require(id)).orElseThrow(PageNotFound::new);
        // An erased client's sessions are not shown anywhere on the dashboard, so not here either.
        ClientDirectory.Entry client =
                directory.find(clinicId, session.clientId()).orElseThrow(PageNotFound::new);
        scope.requireActor();
        // Read only after the clinic's own session was found: the reminder table knows no clinic here.
        int pending = (int) reminders.forSession(session.id()).stream()
                .filter(text -> ReminderStatus.PENDING.contains(text.status()))
                .count();
        return scope.localized(Pages.cancel(new Confirmation(
                session,
                ClinicTimes.format(
                        session.endedAt(), scope.clinicZone(), ClientViews.zone(client.timeZone()), scope.locale()),
                client.id(),
                ClientViews.fullName(client),
                pending)));
    }

    @POST
    @Operation(hidden = true)
    public Response cancel(@PathParam("id") String id) {
        scope.requireActor();
        UUID clinicId = scope.clinicId();
        UUID sessionId = Ids.require(id);
        SessionSummary session = sessions.summary(clinicId, sessionId).orElseThrow(PageNotFound::new);
        directory.find(clinicId, session.clientId()).orElseThrow(PageNotFound::new);
        sessions.cancel(clinicId, sessionId).orElseThrow(PageNotFound::new);
        return Response.seeOther(
                        URI.create("/app/clients/" + session.clientId() + "?done=" + ClientsResource.DONE_CANCELLED))
                .build();
    }
}
