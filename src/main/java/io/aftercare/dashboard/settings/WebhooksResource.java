package io.aftercare.dashboard.settings;

import io.aftercare.dashboard.ClinicTimes.ShownTime;
import io.aftercare.dashboard.DashboardScope;
import io.aftercare.dashboard.Ids;
import io.aftercare.dashboard.PageNotFound;
import io.aftercare.problem.FieldViolation;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.ProblemType;
import io.aftercare.staff.StaffRole;
import io.aftercare.webhook.EndpointRequest;
import io.aftercare.webhook.EndpointViews;
import io.aftercare.webhook.EventType;
import io.aftercare.webhook.WebhookEndpoints;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Settings › Webhooks: the clinic's endpoints, a new one or a new secret shown once, and deleting one. */
// Over 150 lines: the endpoints' routes (list, add, rotate, delete, deliveries) share the manager check and the secret
// shown once.
@Path("/app/settings/webhooks")
@RolesAllowed({StaffRole.STAFF_ROLE, StaffRole.OPERATOR_ROLE})
@Produces(MediaType.TEXT_HTML)
class WebhooksResource {

    private final DashboardScope scope;
    private final WebhookEndpoints endpoints;

    WebhooksResource(DashboardScope scope, WebhookEndpoints endpoints) {
        this.scope = scope;
        this.endpoints = endpoints;
    }

    /** An endpoint as the list shows it: never its secret. */
    public record Row(
            UUID id,
            String url,
            List<String> events,
            ShownTime added,
            ShownTime stopped,
            String stoppedBecause,
            ShownTime previousSecretUntil) {}

    /** The form to add an endpoint, as posted when it was refused; each error in the page's language. */
    public record NewEndpoint(String url, List<Choice> events, String urlError, String eventsError, String error) {

        public record Choice(String type, boolean chosen) {}
    }

    @CheckedTemplate(basePath = "dashboard/settings")
    static final class Pages {

        private Pages() {}

        static native TemplateInstance webhooks(List<Row> endpoints, boolean editable, String done, NewEndpoint form);

        static native TemplateInstance webhookSecret(String url, String secret, ShownTime previousSecretUntil);
    }

    @GET
    @Operation(hidden = true)
    public Response list(@QueryParam("done") String done) {
        SettingsPages.requireReader(scope);
        return page(200, "deleted".equals(done) ? done : null, form("", Set.of(), null, null, null));
    }

    /** Adds an endpoint and answers with its secret, this once: no redirect, so no later page can show it again. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@FormParam("url") String url, @FormParam("events") List<String> events) {
        scope.requireManager();
        List<String> chosen = events == null ? List.of() : events;
        EndpointViews.Created created;
        try {
            created = endpoints.create(scope.clinicId(), new EndpointRequest(url, chosen, null));
        } catch (ProblemException e) {
            SettingsLabels labels = SettingsPages.labels(scope);
            boolean atCap = e.problem().status() == ProblemType.CONFLICT.status();
            String urlError = e.problem().errors().stream()
                    .filter(error -> error.field().equals("url"))
                    .map(FieldViolation::reason)
                    .findFirst()
                    .map(labels::badUrl)
                    .orElse(null);
            boolean eventsRefused = e.problem().errors().stream()
                    .anyMatch(error -> error.field().startsWith("events"));
            return page(
                    atCap ? 409 : 422,
                    null,
                    form(
                            url == null ? "" : url,
                            Set.copyOf(chosen),
                            urlError,
                            eventsRefused ? labels.noEvents() : null,
                            atCap ? labels.tooManyEndpoints() : labels.refused()));
        }
        return SettingsPages.secret(scope, Pages.webhookSecret(created.url(), created.secret(), null));
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response delete(@PathParam("id") String id) {
        scope.requireManager();
        UUID endpointId = Ids.require(id);
        try {
            endpoints.delete(scope.clinicId(), endpointId);
        } catch (ProblemException e) {
            throw notFound(e);
        }
        return SettingsPages.seeOther("/app/settings/webhooks?done=deleted");
    }

    /** A new secret, shown this once; the old one keeps signing for the rotation's overlap. */
    @POST
    @Path("{id}/rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response rotate(@PathParam("id") String id) {
        scope.requireManager();
        UUID endpointId = Ids.require(id);
        EndpointViews.Rotated rotated;
        try {
            rotated = endpoints.rotateSecret(scope.clinicId(), endpointId);
        } catch (ProblemException e) {
            throw notFound(e);
        }
        String url = endpoints.list(scope.clinicId()).stream()
                .filter(endpoint -> endpoint.id().equals(endpointId))
                .map(EndpointViews.Endpoint::url)
                .findFirst()
                .orElse("");
        return SettingsPages.secret(
                scope,
                Pages.webhookSecret(
                        url, rotated.secret(), SettingsPages.time(scope, rotated.previousSecretValidUntil())));
    }

    private Response page(int status, String done, NewEndpoint form) {
        List<Row> rows = endpoints.list(scope.clinicId()).stream()
                .map(endpoint -> new Row(
                        endpoint.id(),
                        endpoint.url(),
                        endpoint.events(),
                        SettingsPages.time(scope, endpoint.createdAt()),
                        SettingsPages.time(scope, endpoint.disabledAt()),
                        endpoint.disabledReason(),
                        SettingsPages.time(scope, endpoint.previousSecretValidUntil())))
                .toList();
        return SettingsPages.html(scope, status, Pages.webhooks(rows, scope.isManager(), done, form));
    }

    private static NewEndpoint form(String url, Set<String> chosen, String urlError, String eventsError, String error) {
        List<NewEndpoint.Choice> events = Arrays.stream(EventType.values())
                .map(type -> new NewEndpoint.Choice(type.value(), chosen.contains(type.value())))
                .toList();
        return new NewEndpoint(url, events, urlError, eventsError, error);
    }

    /** Another clinic's, unknown and deleted endpoints all get the dashboard's one 404. */
    private static RuntimeException notFound(ProblemException e) {
        return e.problem().status() == ProblemType.NOT_FOUND.status() ? new PageNotFound() : e;
    }
}
