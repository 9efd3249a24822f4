package io.aftercare.page;

import io.aftercare.page.AftercareGuide.Phase;
import io.aftercare.page.PageView.PhaseView;
import io.aftercare.page.PageView.ShownDate;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The guide's phases laid on a client's own calendar: day 1 is the local date the session ended (as the plan's
 * {@code day N at HH:MM} counts), and today is the client's local date now.
 */
final class Timeline {

    private Timeline() {}

    /** The client's day number on {@code today}: 1 on the day of the session. */
    static long dayOf(LocalDate firstDay, LocalDate today) {
        return ChronoUnit.DAYS.between(firstDay, today) + 1;
    }

    /**
     * @param clinicWords the clinic's own words by phase key, for the phases whose steps it rewrote
     */
    static List<PhaseView> phases(
            List<Phase> phases,
            LocalDate firstDay,
            LocalDate today,
            DateTimeFormatter dates,
            Map<String, List<String>> clinicWords) {
        long day = dayOf(firstDay, today);
        return phases.stream()
                .map(phase -> new PhaseView(
                        phase.key(),
                        phase.fromDay(),
                        phase.toDay(),
                        phase.title(),
                        phase.summary(),
                        phase.toDo(),
                        phase.avoid(),
                        clinicWords.getOrDefault(phase.key(), List.of()),
                        shown(firstDay.plusDays(phase.fromDay() - 1L), dates),
                        phase.toDay() == null ? null : shown(firstDay.plusDays(phase.toDay() - 1L), dates),
                        phase.covers(day)))
                .toList();
    }

    static ShownDate shown(LocalDate date, DateTimeFormatter dates) {
        return new ShownDate(date.toString(), dates.format(date));
    }
}
