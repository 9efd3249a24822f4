package io.aftercare.clinic;

import io.aftercare.plan.Plans;
import io.aftercare.problem.FieldViolation;
import io.aftercare.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads and changes a clinic's quiet hours, optional plan steps, retention and transliteration of texts. */
@ApplicationScoped
public class ClinicSettingsService {

    private final Plans plans;
    private final Event<ClinicChanged> changed;

    ClinicSettingsService(Plans plans, Event<ClinicChanged> changed) {
        this.plans = plans;
        this.changed = changed;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClinicSettings get(UUID clinicId) {
        return view(Clinic.findById(clinicId));
    }

    /** Replaces the settings as a whole; nothing changes unless every field is valid. */
    @Transactional
    public ClinicSettings replace(UUID clinicId, ClinicSettings settings) {
        List<FieldViolation> errors = new ArrayList<>();
        LocalTime start = null;
        LocalTime end = null;
        if (settings == null) {
            throw ProblemException.invalid("", "a settings object is required");
        }
        if (settings.quietHours() != null) {
            start = time(settings.quietHours().start(), "quietHours.start", errors);
            end = time(settings.quietHours().end(), "quietHours.end", errors);
            if (start != null && start.equals(end)) {
                errors.add(new FieldViolation(
                        "quietHours.end", "must differ from start; send null to turn quiet hours off"));
            }
        }
        List<String> optionalSteps = settings.optionalSteps() == null ? List.of() : settings.optionalSteps();
        Set<String> known = plans.current().optionalSteps();
        for (int i = 0; i < optionalSteps.size(); i++) {
            if (!known.contains(optionalSteps.get(i))) {
                errors.add(
                        new FieldViolation("optionalSteps[" + i + "]", "is not an optional step of the plan " + known));
            }
        }
        Integer retentionDays = settings.retentionDays();
        if (retentionDays != null
                && (retentionDays < ClinicSettings.MIN_RETENTION_DAYS
                        || retentionDays > ClinicSettings.MAX_RETENTION_DAYS)) {
            errors.add(new FieldViolation(
                    "retentionDays",
                    "must be from %d to %d days; null for the operator's default"
                            .formatted(ClinicSettings.MIN_RETENTION_DAYS, ClinicSettings.MAX_RETENTION_DAYS)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Clinic clinic = Clinic.findById(clinicId);
        clinic.quietHoursStart = start;
        clinic.quietHoursEnd = end;
        clinic.optionalSteps = new ArrayList<>(Set.copyOf(optionalSteps));
        clinic.retentionDays = retentionDays;
        clinic.smsTransliteration = settings.smsTransliteration() == null || settings.smsTransliteration();
        changed.fire(new ClinicChanged(clinicId));
        return view(clinic);
    }

    private static LocalTime time(String text, String field, List<FieldViolation> errors) {
        if (text == null || !text.matches("\\d{2}:\\d{2}")) {
            errors.add(new FieldViolation(field, "must be a time written HH:MM"));
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldViolation(field, "is not a time of day"));
            return null;
        }
    }

    private static ClinicSettings view(Clinic clinic) {
        ClinicSettings.QuietHoursSetting quiet = clinic.quietHours()
                .map(hours -> new ClinicSettings.QuietHoursSetting(
                        hours.start().toString(), hours.end().toString()))
                .orElse(null);
        return new ClinicSettings(
                quiet,
                clinic.optionalSteps.stream().sorted().toList(),
                clinic.retentionDays,
                clinic.smsTransliteration);
    }
}
