package io.aftercare.dashboard.clients;

import io.aftercare.client.ClientDirectory;
import io.aftercare.dashboard.DashboardScope;
import io.aftercare.dashboard.Ids;
import io.aftercare.dashboard.PageNotFound;
import io.aftercare.optout.OptOuts;
import io.aftercare.problem.FieldViolation;
import io.aftercare.problem.ProblemException;
import io.aftercare.reply.Conversations;
import io.aftercare.reply.Conversations.Conversation;
import io.aftercare.session.SessionService;
import io.aftercare.staff.StaffRole;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The Clients screen: find a client, then read their timeline. The search words sit in the query string and may name
 * a person: nothing here logs them (the access log is off).
 */
@Path("/app/clients")
@RolesAllowed({StaffRole.STAFF_ROLE, StaffRole.OPERATOR_ROLE})
@Produces(MediaType.TEXT_HTML)
class ClientsResource {

    /** The words a redirect back to the timeline may ask it to confirm. */
    static final String DONE_CANCELLED = "cancelled";

    private static final int UNPROCESSABLE = 422;

    private final DashboardScope scope;
    private final ClientDirectory directory;
    private final SessionService sessions;
    private final Conversations conversations;
    private final OptOuts optOuts;

    ClientsResource(
            DashboardScope scope,
            ClientDirectory directory,
            SessionService sessions,
            Conversations conversations,
            OptOuts optOuts) {
        this.scope = scope;
        this.directory = directory;
        this.sessions = sessions;
        this.conversations = conversations;
        this.optOuts = optOuts;
    }

    @CheckedTemplate(basePath = "dashboard/clients")
    static final class Pages {

        private Pages() {}

        static native TemplateInstance list(ClientViews.ListPage page);

        static native TemplateInstance timeline(ClientViews.Timeline client);
    }

    @GET
    @Operation(hidden = true)
    public Response list(@QueryParam("q") String q, @QueryParam("cursor") String cursor) {
        String query = q == null ? "" : q.strip();
        try {
            ClientDirectory.Page page = directory.search(scope.clinicId(), query, cursor);
            return page(
                    Response.Status.OK.getStatusCode(),
                    ClientViews.list(query, page, cursor, scope.clinicZone(), scope.locale()));
        } catch (ProblemException refused) {
            boolean staleCursor = refused.problem().errors().stream()
                    .map(FieldViolation::field)
                    .anyMatch("cursor"::equals);
            // A stale cursor is no fault of the user's: the page says so and offers the first page.
            return page(
                    staleCursor ? Response.Status.OK.getStatusCode() : UNPROCESSABLE,
                    ClientViews.refused(query, staleCursor));
        }
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public TemplateInstance timeline(@PathParam("id") String id, @QueryParam("done") String done) {
        UUID clinicId = scope.clinicId();
        ClientDirectory.Entry client = directory.find(clinicId, Ids.require(id)).orElseThrow(PageNotFound::new);
        Conversation conversation;
        try {
            conversation = conversations.of(clinicId, client.id());
        } catch (ProblemException erasedMeanwhile) {
            throw new PageNotFound();
        }
        return scope.localized(Pages.timeline(ClientViews.timeline(
                client,
                optOuts.optedOutSince(clinicId, client.phone()).orElse(null),
                sessions.forClient(clinicId, client.id()),
                conversation,
                scope.canAct(),
                DONE_CANCELLED.equals(done),
                scope.clinicZone(),
                scope.locale())));
    }

    private Response page(int status, ClientViews.ListPage page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(scope.localized(Pages.list(page)).render())
                .build();
    }
}
