package io.aftercare.dashboard;

import io.aftercare.clinic.ClinicService;
import io.aftercare.clinic.ClinicService.ClinicView;
import io.aftercare.staff.CurrentStaff;
import io.aftercare.staff.StaffRole;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Whose dashboard this request is: the signed-in user's clinic, their role and their language. Every page and action
 * is scoped through it; the clinic never comes from a form field or a path. Templates read it as {@code
 * {inject:dashboard.…}}.
 */
@RequestScoped
@Named("dashboard")
public class DashboardScope {

    /** The cookie holding the clinic an operator user chose to look at (operators may see every clinic). */
    public static final String OPERATOR_CLINIC_COOKIE = "aftercare-clinic";

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);

    private final CurrentStaff staff;
    private final ClinicService clinics;
    private final HttpServerRequest request;
    private ClinicView clinic;

    DashboardScope(CurrentStaff staff, ClinicService clinics, HttpServerRequest request) {
        this.staff = staff;
        this.clinics = clinics;
        this.request = request;
    }

    public UUID clinicId() {
        return clinic().id();
    }

    /** The clinic this request sees: the user's own, or for an operator user the one chosen at {@code /app/clinics}. */
    public ClinicView clinic() {
        if (clinic == null) {
            clinic = staff.clinicId()
                    .or(this::operatorChoice)
                    .flatMap(clinics::find)
                    .orElseThrow(ChooseClinic::new);
        }
        return clinic;
    }

    /** Whether there is a clinic to show: false only for an operator user who has not chosen one. */
    public boolean hasClinic() {
        try {
            clinic();
            return true;
        } catch (ChooseClinic e) {
            return false;
        }
    }

    public ZoneId clinicZone() {
        return ZoneId.of(clinic().timeZone());
    }

    public String displayName() {
        return staff.displayName();
    }

    public boolean isOperator() {
        return staff.hasRole(StaffRole.OPERATOR_ROLE);
    }

    public boolean isManager() {
        return staff.hasRole(StaffRole.MANAGER_ROLE);
    }

    /** Whether this user may change anything: clinic staff and managers may, operator users only look. */
    public boolean canAct() {
        return !isOperator() && staff.hasRole(StaffRole.STAFF_ROLE);
    }

    public void requireActor() {
        if (!canAct()) {
            throw new PageForbidden();
        }
    }

    public void requireManager() {
        if (!isManager()) {
            throw new PageForbidden();
        }
    }

    /** English or French, from the browser's preferences; the clinic's own language when the browser names neither. */
    public Locale locale() {
        String accepted = request.getHeader("Accept-Language");
        if (accepted != null) {
            try {
                Locale chosen = Locale.lookup(Locale.LanguageRange.parse(accepted), LANGUAGES);
                if (chosen != null) {
                    return chosen;
                }
            } catch (IllegalArgumentException malformedHeader) {
                // fall through to the clinic's language
            }
        }
        Locale clinicLocale = staff.clinicId().isPresent() ? Locale.forLanguageTag(clinic().locale()) : Locale.ENGLISH;
        return LANGUAGES.stream()
                .filter(language -> language.getLanguage().equals(clinicLocale.getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    /** The page in this user's language: every page returns through here. */
    public TemplateInstance localized(TemplateInstance page) {
        return page.setLocale(locale());
    }

    private Optional<UUID> operatorChoice() {
        if (!isOperator()) {
            return Optional.empty();
        }
        Cookie chosen = request.getCookie(OPERATOR_CLINIC_COOKIE);
        return chosen == null ? Optional.empty() : Ids.parse(chosen.getValue());
    }
}
