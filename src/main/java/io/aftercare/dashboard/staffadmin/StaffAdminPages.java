package io.aftercare.dashboard.staffadmin;

import io.aftercare.dashboard.ClinicTimes;
import io.aftercare.dashboard.DashboardScope;
import io.aftercare.staff.CurrentStaff;
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
    private final CurrentStaff current;
    private final StaffAdminLabels english;
    private final StaffAdminLabels french;

    StaffAdminPages(
            DashboardScope scope,
            CurrentStaff current,
            StaffAdminLabels english,
            @Localized("fr") StaffAdminLabels french) {
        this.scope = scope;
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

    Response list(int status, List<StaffMember> members, InviteForm form, ShownLink link, String done, String error) {
        boolean canManage = scope.canAct() && scope.isManager();
        return html(
                status, Templates.staff(members.stream().map(this::row).toList(), canManage, form, link, done, error));
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
