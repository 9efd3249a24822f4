package io.aftercare.dashboard.settings;

import io.aftercare.clinic.ApiKeys;
import io.aftercare.clinic.IssuedKey;
import io.aftercare.clinic.KeyView;
import io.aftercare.dashboard.ClinicTimes.ShownTime;
import io.aftercare.dashboard.DashboardScope;
import io.aftercare.dashboard.Ids;
import io.aftercare.dashboard.PageNotFound;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.ProblemType;
import io.aftercare.staff.StaffRole;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Settings › API keys: the clinic's keys by their first characters, a new key shown once, and revoking one. */
@Path("/app/settings/keys")
@RolesAllowed({StaffRole.STAFF_ROLE, StaffRole.OPERATOR_ROLE})
@Produces(MediaType.TEXT_HTML)
class ApiKeysResource {

    private final DashboardScope scope;
    private final ApiKeys keys;

    ApiKeysResource(DashboardScope scope, ApiKeys keys) {
        this.scope = scope;
        this.keys = keys;
    }

    /** A key as the list shows it: never the key itself. */
    public record Row(UUID id, String prefix, String label, ShownTime issued, ShownTime lastUsed, ShownTime revoked) {

        public boolean active() {
            return revoked == null;
        }
    }

    @CheckedTemplate(basePath = "dashboard/settings")
    static final class Pages {

        private Pages() {}

        static native TemplateInstance keys(
                List<Row> keys, boolean editable, String done, String error, String label, int maxLabel);

        static native TemplateInstance keyIssued(String key, String prefix, String label);
    }

    @GET
    @Operation(hidden = true)
    public Response list(@QueryParam("done") String done) {
        SettingsPages.requireReader(scope);
        return page(200, "revoked".equals(done) ? done : null, null, "");
    }

    /** Issues a key and answers with it, this once: no redirect, so no later page can show it again. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response issue(@FormParam("label") String label) {
        scope.requireManager();
        IssuedKey issued;
        try {
            issued = keys.issue(scope.clinicId(), label);
        } catch (ProblemException e) {
            SettingsLabels labels = SettingsPages.labels(scope);
            boolean atCap = e.problem().status() == ProblemType.CONFLICT.status();
            return page(
                    atCap ? 409 : 422,
                    null,
                    atCap ? labels.tooManyKeys() : labels.badLabel(ApiKeys.MAX_LABEL_LENGTH),
                    label == null ? "" : label);
        }
        return SettingsPages.secret(scope, Pages.keyIssued(issued.key(), issued.prefix(), issued.label()));
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response revoke(@PathParam("id") String id) {
        scope.requireManager();
        UUID keyId = Ids.require(id);
        try {
            keys.revokeKeepingOne(scope.clinicId(), keyId);
        } catch (ProblemException e) {
            if (e.problem().status() == ProblemType.NOT_FOUND.status()) {
                throw new PageNotFound();
            }
            // The clinic's last active key: revoking it would lock the clinic's software out.
            return page(409, null, SettingsPages.labels(scope).lastKey(), "");
        }
        return SettingsPages.seeOther("/app/settings/keys?done=revoked");
    }

    private Response page(int status, String done, String error, String label) {
        List<Row> rows = keys.list(scope.clinicId()).stream().map(this::row).toList();
        return SettingsPages.html(
                scope, status, Pages.keys(rows, scope.isManager(), done, error, label, ApiKeys.MAX_LABEL_LENGTH));
    }

    private Row row(KeyView key) {
        return new Row(
                key.id(),
                key.prefix(),
                key.label(),
                SettingsPages.time(scope, key.createdAt()),
                SettingsPages.time(scope, key.lastUsedAt()),
                SettingsPages.time(scope, key.revokedAt()));
    }
}
