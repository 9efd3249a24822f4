package io.aftercare.plan.lint;

import io.aftercare.plan.AftercarePlan;
import io.aftercare.plan.PlanStep;
import io.aftercare.plan.QuietHours;
import io.aftercare.plan.StepTiming;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Steps due at a time of day inside a clinic's quiet hours: they would always go out later than the plan says. */
final class QuietHourLint {

    private QuietHourLint() {}

    /** Only steps due at a wall-clock time count; one due some hours after the session moves with the session. */
    static List<LintFinding> dueInside(AftercarePlan plan, QuietHours quiet) {
        return plan.steps().stream()
                .filter(step -> step.due() instanceof StepTiming.DayAt dayAt && inside(quiet, dayAt))
                .map(step -> finding(step, quiet))
                .toList();
    }

    private static boolean inside(QuietHours quiet, StepTiming.DayAt dayAt) {
        // Any date and zone will do: quiet hours and the step's time are both on the client's wall clock.
        return quiet.contains(LocalDate.of(2026, 1, 15).atTime(dayAt.time()).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    private static LintFinding finding(PlanStep step, QuietHours quiet) {
        return new LintFinding(
                step.key(),
                null,
                LintRule.IN_QUIET_HOURS,
                "falls due " + step.due() + ", inside the quiet hours " + quiet.start() + "-" + quiet.end()
                        + ", so it goes out at " + quiet.end() + " instead");
    }
}
