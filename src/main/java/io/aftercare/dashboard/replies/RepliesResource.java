package io.aftercare.dashboard.replies;

import io.aftercare.dashboard.DashboardScope;
import io.aftercare.dashboard.Ids;
import io.aftercare.dashboard.PageNotFound;
import io.aftercare.problem.ProblemException;
import io.aftercare.reply.ClinicMessages;
import io.aftercare.reply.InboxEntry;
import io.aftercare.reply.Replies;
import io.aftercare.staff.StaffRole;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The clinic's inbox: replies listed urgent first, each answered (a one-off text with a live counter) or resolved
 * with a note. Every action is a form post, answered by a redirect to the list or, when refused, by the page again
 * with the reason next to the field.
 */
// Over 150 lines: the Replies page's four routes (list, measure, answer, resolve) share its scope checks and the
// re-rendering of a refused form.
@Path("/app/replies")
@RolesAllowed({StaffRole.STAFF_ROLE, StaffRole.OPERATOR_ROLE})
@Produces(MediaType.TEXT_HTML)
class RepliesResource {

    /** A refused form: the page is shown again, as HTML forms expect, never a JSON problem. */
    private static final int UNPROCESSABLE = 422;

    private final DashboardScope scope;
    private final RepliesPage page;
    private final Replies replies;
    private final ClinicMessages messages;

    RepliesResource(DashboardScope scope, RepliesPage page, Replies replies, ClinicMessages messages) {
        this.scope = scope;
        this.page = page;
        this.replies = replies;
        this.messages = messages;
    }

    @CheckedTemplate(basePath = "dashboard/replies")
    static final class Pages {

        private Pages() {}

        static native TemplateInstance replies(RepliesView view);

        static native TemplateInstance counter(Counter counter);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(
            @QueryParam("status") String status,
            @QueryParam("category") String category,
            @QueryParam("cursor") String cursor,
            @QueryParam("done") String done) {
        return scope.localized(Pages.replies(page.build(status, category, cursor, done, null)));
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response answer(@PathParam("id") String id, @FormParam("body") String body) {
        scope.requireActor();
        InboxEntry reply = reply(id);
        try {
            messages.send(scope.clinicId(), reply.client(), body, reply.reply().id());
        } catch (ProblemException refused) {
            if (refused.problem().status() == Response.Status.NOT_FOUND.getStatusCode()) {
                throw new PageNotFound();
            }
            return refusedPage(new RepliesView.Refusal(
                    reply.reply().id(), "body", answerRefusal(reply.client(), body), body == null ? "" : body));
        }
        return done("sent");
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response resolve(@PathParam("id") String id, @FormParam("note") String note) {
        scope.requireActor();
        UUID replyId = reply(id).reply().id();
        try {
            replies.resolve(scope.clinicId(), replyId, note).orElseThrow(PageNotFound::new);
        } catch (ProblemException refused) {
            return refusedPage(new RepliesView.Refusal(replyId, "note", noteRefusal(note), note));
        }
        return done("resolved");
    }

    /** The answer form's live counter: the answer measured exactly as it would be sent. */
    @POST
    @Path("/{id}/measure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public TemplateInstance measure(@PathParam("id") String id, @FormParam("body") String body) {
        scope.requireActor();
        InboxEntry reply = reply(id);
        return scope.localized(Pages.counter(Counter.of(messages.measure(scope.clinicId(), reply.client(), body))));
    }

    /** The clinic's reply, or the dashboard's 404 for another clinic's, an unknown or a malformed id. */
    private InboxEntry reply(String id) {
        return replies.entry(scope.clinicId(), Ids.require(id))
                .filter(entry -> entry.client() != null)
                .orElseThrow(PageNotFound::new);
    }

    private Response refusedPage(RepliesView.Refusal refusal) {
        return Response.status(UNPROCESSABLE)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(scope.localized(Pages.replies(page.build(null, null, null, null, refusal)))
                        .render())
                .build();
    }

    private static Response done(String what) {
        return Response.seeOther(URI.create("/app/replies?done=" + what)).build();
    }

    private String answerRefusal(UUID client, String body) {
        ReplyLabels labels = labels();
        if (body == null || body.isBlank()) {
            return labels.answerBlank();
        }
        var fit = messages.measure(scope.clinicId(), client, body);
        return fit.fits()
                ? labels.answerInvalid()
                : labels.answerTooLong(fit.segments(), io.aftercare.template.TextFit.MAX_SEGMENTS);
    }

    private String noteRefusal(String note) {
        ReplyLabels labels = labels();
        return note != null && note.length() > Replies.MAX_NOTE
                ? labels.noteTooLong(Replies.MAX_NOTE)
                : labels.noteInvalid();
    }

    private ReplyLabels labels() {
        return MessageBundles.get(
                ReplyLabels.class, Localized.Literal.of(scope.locale().toLanguageTag()));
    }
}
