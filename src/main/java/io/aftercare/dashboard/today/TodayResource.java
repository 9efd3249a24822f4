package io.aftercare.dashboard.today;

import io.aftercare.dashboard.DashboardScope;
import io.aftercare.staff.StaffRole;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The dashboard's first page: what needs someone at the clinic today. */
@Path("/app/today")
@RolesAllowed({StaffRole.STAFF_ROLE, StaffRole.OPERATOR_ROLE})
@Produces(MediaType.TEXT_HTML)
class TodayResource {

    private final DashboardScope scope;
    private final TodayPage page;

    TodayResource(DashboardScope scope, TodayPage page) {
        this.scope = scope;
        this.page = page;
    }

    @CheckedTemplate(basePath = "dashboard/today")
    static final class Pages {

        private Pages() {}

        static native TemplateInstance today(TodayView view);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance today(
            @QueryParam("cursor") String dueCursor, @QueryParam("failuresCursor") String failuresCursor) {
        return scope.localized(Pages.today(page.build(dueCursor, failuresCursor)));
    }
}
