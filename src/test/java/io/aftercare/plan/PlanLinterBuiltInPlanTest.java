package io.aftercare.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.plan.lint.LintRule;
import io.aftercare.plan.lint.PlanLint;
import io.aftercare.plan.lint.PlanLinter;
import io.aftercare.sms.SmsSegments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The built-in plan through the linter; its report is saved under target/ for the closing note. */
class PlanLinterBuiltInPlanTest {

    @Test
    void shouldLintTheBuiltInPlanWithoutValueTimingOrOptOutBreaches() throws IOException {
        AftercarePlan plan = Plans.builtIn();

        PlanLint lint = PlanLinter.forPlanTexts().lint(plan, Map.of(), Optional.of(QuietHours.DEFAULT));
        Files.writeString(Path.of("target", "plan-lint-built-in.txt"), report(lint));

        assertThat(lint.texts()).hasSize(plan.steps().size() * plan.languages().size());
        assertThat(lint.texts()).allSatisfy(text -> assertThat(text.encoding()).isEqualTo(SmsSegments.Encoding.GSM_7));
        assertThat(lint.findings())
                .extracting(finding -> finding.rule())
                .doesNotContain(
                        LintRule.UNKNOWN_VALUE,
                        LintRule.DOES_NOT_RENDER,
                        LintRule.NO_OPT_OUT,
                        LintRule.TOO_MANY_A_DAY,
                        LintRule.TOO_MANY_A_WEEK,
                        LintRule.IN_QUIET_HOURS);
    }

    private static String report(PlanLint lint) {
        String texts = lint.texts().stream()
                .map(text -> text.step() + " " + text.language() + ": " + text.encoding() + ", " + text.characters()
                        + " characters, " + text.segments() + " segment(s)")
                .collect(Collectors.joining("\n"));
        String findings = lint.findings().stream()
                .map(finding ->
                        finding.step() + " " + finding.language() + " " + finding.rule() + ": " + finding.message())
                .collect(Collectors.joining("\n"));
        return texts + "\n\n" + findings + "\n";
    }
}
