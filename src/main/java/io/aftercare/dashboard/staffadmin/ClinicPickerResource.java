package io.aftercare.dashboard.staffadmin;

import io.aftercare.clinic.ClinicService;
import io.aftercare.clinic.ClinicService.ClinicView;
import io.aftercare.config.AftercareConfig;
import io.aftercare.dashboard.DashboardScope;
import io.aftercare.dashboard.Ids;
import io.aftercare.dashboard.PageForbidden;
import io.aftercare.dashboard.PageNotFound;
import io.aftercare.staff.StaffRole;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The operator's users choose which clinic's dashboard to look at, read-only. The choice is a cookie that {@link
 * DashboardScope} reads on every page; it names a clinic and grants nothing: only an operator user's pages read it, and
 * those may look at every clinic anyway. Choosing is the one form an operator user may post.
 */
@Path("/app/clinics")
@RolesAllowed({StaffRole.STAFF_ROLE, StaffRole.OPERATOR_ROLE})
@Produces(MediaType.TEXT_HTML)
class ClinicPickerResource {

    private final DashboardScope scope;
    private final ClinicService clinics;
    private final StaffAdminPages pages;
    private final boolean alwaysSecure;

    ClinicPickerResource(DashboardScope scope, ClinicService clinics, StaffAdminPages pages, AftercareConfig config) {
        this.scope = scope;
        this.clinics = clinics;
        this.pages = pages;
        this.alwaysSecure = config.staff().secureCookie();
    }

    @GET
    @Operation(hidden = true)
    public Response list() {
        requireOperator();
        UUID chosen = scope.hasClinic() ? scope.clinicId() : null;
        return pages.clinics(clinics.list().stream()
                .sorted(Comparator.comparing(
                                (ClinicView clinic) -> clinic.name().toLowerCase(Locale.ROOT))
                        .thenComparing(ClinicView::id))
                .map(clinic ->
                        new ClinicChoice(clinic.id(), clinic.name(), clinic.id().equals(chosen)))
                .toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response choose(@RestForm String clinic, HttpServerRequest request) {
        requireOperator();
        ClinicView chosen = Ids.parse(clinic).flatMap(clinics::find).orElseThrow(PageNotFound::new);
        NewCookie cookie = new NewCookie.Builder(DashboardScope.OPERATOR_CLINIC_COOKIE)
                .value(chosen.id().toString())
                .path("/app")
                .httpOnly(true)
                .secure(alwaysSecure || request.isSSL())
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
        return Response.seeOther(URI.create("/app/today")).cookie(cookie).build();
    }

    private void requireOperator() {
        if (!scope.isOperator()) {
            throw new PageForbidden();
        }
    }
}
