package io.aftercare.dashboard.settings;

import io.aftercare.clinic.ClinicSettings;
import io.aftercare.clinic.ClinicSettingsService;
import io.aftercare.config.AftercareConfig;
import io.aftercare.dashboard.DashboardScope;
import io.aftercare.plan.Plans;
import io.aftercare.problem.FieldViolation;
import io.aftercare.problem.ProblemException;
import io.aftercare.staff.StaffRole;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Settings › Sending: quiet hours, the plan's optional steps, retention and transliteration, in one form. */
// Over 150 lines: one form of four settings: reading it, mapping each refused field back to its input, and showing it
// again take most of the lines.
@Path("/app/settings")
@RolesAllowed({StaffRole.STAFF_ROLE, StaffRole.OPERATOR_ROLE})
@Produces(MediaType.TEXT_HTML)
class SendingResource {

    /** What a quiet-hours field shows while quiet hours are off: a new clinic's hours, ready to be ticked back on. */
    private static final String DEFAULT_START = "21:00";

    private static final String DEFAULT_END = "08:00";

    private final DashboardScope scope;
    private final ClinicSettingsService settings;
    private final Plans plans;
    private final int defaultRetentionDays;

    SendingResource(DashboardScope scope, ClinicSettingsService settings, Plans plans, AftercareConfig config) {
        this.scope = scope;
        this.settings = settings;
        this.plans = plans;
        this.defaultRetentionDays = config.retention().defaultDays();
    }

    @CheckedTemplate(basePath = "dashboard/settings")
    static final class Pages {

        private Pages() {}

        static native TemplateInstance sending(
                SendingForm form, boolean editable, boolean saved, int minDays, int maxDays, int defaultDays);
    }

    @GET
    @Operation(hidden = true)
    public Response settings() {
        SettingsPages.requireReader(scope);
        return SettingsPages.seeOther("/app/settings/sending");
    }

    @GET
    @Path("sending")
    @Operation(hidden = true)
    public Response sending(@QueryParam("done") String done) {
        SettingsPages.requireReader(scope);
        return page(200, current(), "saved".equals(done));
    }

    @POST
    @Path("sending")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(
            @FormParam("quietHours") String quietHours,
            @FormParam("quietHoursStart") String start,
            @FormParam("quietHoursEnd") String end,
            @FormParam("optionalSteps") List<String> optionalSteps,
            @FormParam("retentionDays") String retentionDays,
            @FormParam("smsTransliteration") String smsTransliteration) {
        scope.requireManager();
        boolean quiet = quietHours != null;
        boolean transliterate = smsTransliteration != null;
        List<String> chosen = optionalSteps == null ? List.of() : optionalSteps;
        String retention = retentionDays == null ? "" : retentionDays.strip();
        List<FieldViolation> errors = new ArrayList<>();
        Integer days = null;
        if (!retention.isEmpty()) {
            // At most 9 digits: the service's range check does the rest, without an int overflow first.
            if (retention.matches("\\d{1,9}")) {
                days = Integer.valueOf(retention);
            } else {
                errors.add(new FieldViolation("retentionDays", "is not a number of days"));
            }
        }
        if (errors.isEmpty()) {
            try {
                settings.replace(
                        scope.clinicId(),
                        new ClinicSettings(
                                quiet ? new ClinicSettings.QuietHoursSetting(start, end) : null,
                                chosen,
                                days,
                                transliterate));
                return SettingsPages.seeOther("/app/settings/sending?done=saved");
            } catch (ProblemException e) {
                if (e.problem().errors().isEmpty()) {
                    throw e;
                }
                errors.addAll(e.problem().errors());
            }
        }
        SettingsLabels labels = SettingsPages.labels(scope);
        boolean sameTimes = start != null && start.equals(end);
        SendingForm refused = new SendingForm(
                quiet,
                start,
                end,
                choices(Set.copyOf(chosen)),
                retention,
                transliterate,
                has(errors, "quietHours.start") ? labels.badTime() : null,
                has(errors, "quietHours.end") ? (sameTimes ? labels.sameTimes() : labels.badTime()) : null,
                has(errors, "optionalSteps") ? labels.badOptionalStep() : null,
                has(errors, "retentionDays")
                        ? labels.badRetention(ClinicSettings.MIN_RETENTION_DAYS, ClinicSettings.MAX_RETENTION_DAYS)
                        : null);
        return page(422, refused, false);
    }

    private SendingForm current() {
        UUID clinicId = scope.clinicId();
        ClinicSettings now = settings.get(clinicId);
        List<String> chosen = now.optionalSteps();
        return new SendingForm(
                now.quietHours() != null,
                now.quietHours() == null ? DEFAULT_START : now.quietHours().start(),
                now.quietHours() == null ? DEFAULT_END : now.quietHours().end(),
                choices(Set.copyOf(chosen)),
                now.retentionDays() == null ? "" : now.retentionDays().toString(),
                !Boolean.FALSE.equals(now.smsTransliteration()),
                null,
                null,
                null,
                null);
    }

    /** The plan's optional steps, each ticked if chosen. */
    private List<SendingForm.Choice> choices(Set<String> chosen) {
        Set<String> offered = plans.current().optionalSteps();
        List<SendingForm.Choice> choices = new ArrayList<>();
        offered.stream().sorted().forEach(key -> choices.add(new SendingForm.Choice(key, chosen.contains(key))));
        return choices;
    }

    private Response page(int status, SendingForm form, boolean saved) {
        return SettingsPages.html(
                scope,
                status,
                Pages.sending(
                        form,
                        scope.isManager(),
                        saved,
                        ClinicSettings.MIN_RETENTION_DAYS,
                        ClinicSettings.MAX_RETENTION_DAYS,
                        defaultRetentionDays));
    }

    private static boolean has(List<FieldViolation> errors, String field) {
        return errors.stream()
                .anyMatch(error -> error.field().equals(field) || error.field().startsWith(field + "["));
    }
}
