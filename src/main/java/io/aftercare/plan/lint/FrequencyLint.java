package io.aftercare.plan.lint;

import io.aftercare.plan.AftercarePlan;
import io.aftercare.plan.PlanStep;
import io.aftercare.plan.QuietHours;
import io.aftercare.plan.StepAudience;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How often the plan texts one client: every step a session may schedule (optional and final-session ones included,
 * since a clinic may switch them on), for a session ending at each hour of the day, after quiet hours moved them.
 */
final class FrequencyLint {

    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final LocalDate SESSION_DATE = LocalDate.of(2026, 1, 15);

    private record Text(PlanStep step, LocalDate date) {}

    private final ComplianceProfile profile;
    private final Optional<QuietHours> quietHours;

    FrequencyLint(ComplianceProfile profile, Optional<QuietHours> quietHours) {
        this.profile = profile;
        this.quietHours = quietHours;
    }

    List<LintFinding> breaches(AftercarePlan plan) {
        // One finding per step and rule, for the first session end (from noon on) that shows it.
        Map<String, LintFinding> found = new LinkedHashMap<>();
        for (int hour = 0; hour < 24; hour++) {
            LocalTime end = LocalTime.of((12 + hour) % 24, 0);
            List<Text> texts = texts(plan, SESSION_DATE.atTime(end).toInstant(ZoneOffset.UTC));
            for (int i = 0; i < texts.size(); i++) {
                Text text = texts.get(i);
                long sameDay = texts.subList(0, i + 1).stream()
                        .filter(other -> other.date().equals(text.date()))
                        .count();
                if (sameDay > profile.mostTextsADay()) {
                    found.putIfAbsent(
                            LintRule.TOO_MANY_A_DAY + text.step().key(),
                            finding(text, LintRule.TOO_MANY_A_DAY, sameDay, "day", profile.mostTextsADay(), end));
                }
                LocalDate weekStart = text.date().minusDays(6);
                long sameWeek = texts.subList(0, i + 1).stream()
                        .filter(other -> !other.date().isBefore(weekStart))
                        .count();
                if (sameWeek > profile.mostTextsAWeek()) {
                    found.putIfAbsent(
                            LintRule.TOO_MANY_A_WEEK + text.step().key(),
                            finding(text, LintRule.TOO_MANY_A_WEEK, sameWeek, "7 days", profile.mostTextsAWeek(), end));
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** The texts of one session in the order they go out, each on the client's local date. */
    private List<Text> texts(AftercarePlan plan, Instant ended) {
        return plan.steps().stream()
                .filter(step -> step.audience() != StepAudience.URGENT_REPLY)
                .map(step -> {
                    Instant due = step.due().dueAt(ended, ZONE);
                    Instant sent = quietHours
                            .map(quiet -> quiet.nextAllowed(due, ZONE))
                            .orElse(due);
                    return Map.entry(step, sent);
                })
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(entry ->
                        new Text(entry.getKey(), entry.getValue().atZone(ZONE).toLocalDate()))
                .toList();
    }

    private static LintFinding finding(Text text, LintRule rule, long count, String period, int most, LocalTime end) {
        long day = text.date().toEpochDay() - SESSION_DATE.toEpochDay() + 1;
        return new LintFinding(
                text.step().key(),
                null,
                rule,
                "is text " + count + " within one " + period + " (day " + day + ", for a session ending at " + end
                        + "); the profile allows " + most);
    }
}
