package io.aftercare.dashboard.staffadmin;

import io.aftercare.dashboard.ClinicTimes;
import io.aftercare.dashboard.DashboardScope;
import io.aftercare.dashboard.PageNotFound;
import io.aftercare.problem.ProblemException;
import io.aftercare.staff.CurrentStaff;
import io.aftercare.staff.StaffAccounts;
import io.aftercare.staff.StaffMember;
import io.aftercare.staff.StaffState;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Renders the staff list, the removal confirmation and the clinic picker in the user's language. */
@RequestScoped
class StaffAdminPages {

    private final DashboardScope scope;
    private final StaffAccounts accounts;
    private final CurrentStaff current;
    private final StaffAdminLabels english;
    private final StaffAdminLabels french;

    StaffAdminPages(
            DashboardScope scope,
            StaffAccounts accounts,
            CurrentStaff current,
            StaffAdminLabels english,
            @Localized("fr") StaffAdminLabels french) {
        this.scope = scope;
        this.accounts = accounts;
        this.current = current;
        this.english = english;
        this.french = french;
    }

    @CheckedTemplate(basePath = "dashboard/staffadmin")
    static final class Templates {

        private Templates() {}

        static native TemplateInstance staff(
                List<StaffRow> rows, boolean canManage, InviteForm form, ShownLink link, String done, String error);

        static native TemplateInstance remove(StaffRow row);

        static native TemplateInstance clinics(List<ClinicChoice> clinics);
    }

    /** The words of this request's language, for messages chosen in code. */
    StaffAdminLabels labels() {
        return Locale.FRENCH.getLanguage().equals(scope.locale().getLanguage()) ? french : english;
    }

    /** The clinic's staff list, with the invitation form as given, a new link, a done or an error message. */
    Response list(int status, InviteForm form, ShownLink link, String done, String error) {
        boolean canManage = scope.canAct() && scope.isManager();
        List<StaffRow> rows =
                accounts.list(scope.clinicId()).stream().map(this::row).toList();
        return html(status, Templates.staff(rows, canManage, form, link, done, error));
    }

    /**
     * A refused change of one user: another clinic's or an unknown user is the dashboard's 404; the last manager (409)
     * or a bad role (400) shows the list again with the reason.
     */
    Response refused(ProblemException e) {
        int status = e.problem().status();
        if (status == 404) {
            throw new PageNotFound();
        }
        String message = status == 409 ? labels().errorLastManager() : labels().errorRole();
        return list(status == 409 ? 409 : 422, InviteForm.empty(), null, null, message);
    }

    Response remove(StaffMember member) {
        return html(200, Templates.remove(row(member)));
    }

    Response clinics(List<ClinicChoice> clinics) {
        return html(200, Templates.clinics(clinics));
    }

    ClinicTimes.ShownTime time(Instant at) {
        return ClinicTimes.format(at, scope.clinicZone(), null, scope.locale());
    }

    private StaffRow row(StaffMember member) {
        Instant until = member.state() == StaffState.LOCKED
                ? member.lockedUntil()
                : member.state() == StaffState.INVITED ? member.invitationExpiresAt() : null;
        return new StaffRow(
                member.id(),
                member.displayName(),
                member.maskedEmail(),
                member.role(),
                member.state(),
                until == null ? null : time(until),
                member.id().equals(current.id()));
    }

    private Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(scope.localized(page).render())
                .build();
    }
}
