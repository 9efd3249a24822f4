package io.aftercare.dashboard.settings;

import io.aftercare.dashboard.ClinicTimes.ShownTime;
import io.aftercare.dashboard.DashboardScope;
import io.aftercare.dashboard.Ids;
import io.aftercare.dashboard.PageNotFound;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.ProblemType;
import io.aftercare.staff.StaffRole;
import io.aftercare.webhook.EndpointViews;
import io.aftercare.webhook.WebhookDeliveries;
import io.aftercare.webhook.WebhookEndpoints;
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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Settings › Webhooks › one endpoint's recent deliveries, newest first, 50 a page. */
@Path("/app/settings/webhooks/{id}/deliveries")
@RolesAllowed({StaffRole.STAFF_ROLE, StaffRole.OPERATOR_ROLE})
@Produces(MediaType.TEXT_HTML)
class DeliveriesResource {

    private final DashboardScope scope;
    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;

    DeliveriesResource(DashboardScope scope, WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
        this.scope = scope;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    /** One delivery: its event, state, attempts and, while waiting, when it is tried next. */
    public record Row(
            String eventType,
            String state,
            String stateClass,
            ShownTime created,
            int attempts,
            String lastAttempt,
            ShownTime nextAttempt) {}

    @CheckedTemplate(basePath = "dashboard/settings")
    static final class Pages {

        private Pages() {}

        static native TemplateInstance deliveries(
                String url, List<Row> deliveries, String nextPage, boolean firstPage, boolean stale);
    }

    @GET
    @Operation(hidden = true)
    public Response deliveries(@PathParam("id") String id, @QueryParam("cursor") String cursor) {
        SettingsPages.requireReader(scope);
        UUID endpointId = Ids.require(id);
        String url = endpoints.list(scope.clinicId()).stream()
                .filter(endpoint -> endpoint.id().equals(endpointId))
                .map(EndpointViews.Endpoint::url)
                .findFirst()
                .orElseThrow(PageNotFound::new);
        boolean firstPage = cursor == null || cursor.isEmpty();
        Optional<String> after = firstPage ? Optional.of("") : decode(cursor);
        if (after.isEmpty()) {
            return SettingsPages.html(scope, 400, Pages.deliveries(url, List.of(), null, false, true));
        }
        EndpointViews.DeliveryPage page;
        try {
            page = deliveries.page(scope.clinicId(), endpointId, after.get());
        } catch (ProblemException e) {
            if (e.problem().status() == ProblemType.NOT_FOUND.status()) {
                throw new PageNotFound();
            }
            return SettingsPages.html(scope, 400, Pages.deliveries(url, List.of(), null, false, true));
        }
        SettingsLabels labels = SettingsPages.labels(scope);
        List<Row> rows = page.deliveries().stream()
                .map(delivery -> row(delivery, labels))
                .toList();
        String next = page.nextCursor() == null
                ? null
                : "/app/settings/webhooks/" + endpointId + "/deliveries?cursor=" + encode(page.nextCursor());
        return SettingsPages.ok(scope, Pages.deliveries(url, rows, next, firstPage, false));
    }

    private Row row(EndpointViews.Delivery delivery, SettingsLabels labels) {
        List<EndpointViews.Attempt> attempts = delivery.attempts();
        String last = null;
        if (!attempts.isEmpty()) {
            EndpointViews.Attempt attempt = attempts.get(attempts.size() - 1);
            last = attempt.statusCode() != null
                    ? labels.answered(attempt.statusCode())
                    : labels.noAnswer(attempt.error());
        }
        return new Row(
                delivery.eventType(),
                state(delivery.status(), labels),
                switch (delivery.status()) {
                    case "DELIVERED" -> "good";
                    case "FAILED" -> "bad";
                    case "PENDING", "DELIVERING" -> "warn";
                    default -> "";
                },
                SettingsPages.time(scope, delivery.createdAt()),
                attempts.size(),
                last,
                SettingsPages.time(scope, delivery.nextAttemptAt()));
    }

    private static String state(String status, SettingsLabels labels) {
        return switch (status) {
            case "PENDING" -> labels.statusPending();
            case "DELIVERING" -> labels.statusDelivering();
            case "DELIVERED" -> labels.statusDelivered();
            case "FAILED" -> labels.statusFailed();
            case "CANCELLED" -> labels.statusCancelled();
            default -> status;
        };
    }

    // The webhook API's cursor (the last delivery's id) kept opaque in the page's links, as every list's is.
    private static String encode(String cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> decode(String cursor) {
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
