package io.aftercare.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.plan.lint.LintFinding;
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

/**
 * The built-in plan through the linter, as clients get it without pages (the full texts) and with them (the short
 * texts and a link); each report is saved under target/ for the closing note.
 */
class PlanLinterBuiltInPlanTest {

    /** As long as a client's page link on a 20-character host, {@code https://care.example}: 45 characters. */
    static final String SAMPLE_LINK = "https://care.example/a/" + "x".repeat(22);

    @Test
    void shouldLintTheBuiltInPlansFullTextsWithoutValueTimingOrOptOutBreaches() throws IOException {
        AftercarePlan plan = Plans.builtIn();

        PlanLint lint =
                PlanLinter.forPlanTexts().lint(plan, Map.of(), Optional.of(QuietHours.DEFAULT), Optional.empty());
        Files.writeString(Path.of("target", "plan-lint-built-in.txt"), report(lint));

        assertThat(lint.texts()).hasSize(plan.steps().size() * plan.languages().size());
        assertThat(lint.texts()).allSatisfy(text -> assertThat(text.encoding()).isEqualTo(SmsSegments.Encoding.GSM_7));
        assertThat(lint.findings())
                .extracting(LintFinding::rule)
                .doesNotContain(
                        LintRule.UNKNOWN_VALUE,
                        LintRule.DOES_NOT_RENDER,
                        LintRule.NO_OPT_OUT,
                        LintRule.TOO_MANY_A_DAY,
                        LintRule.TOO_MANY_A_WEEK,
                        LintRule.IN_QUIET_HOURS);
    }

    /** The promise: with pages on, every built-in text is one GSM-7 segment of at most 160 characters. */
    @Test
    void shouldLintTheBuiltInPlanCleanWithAPageLink() throws IOException {
        PlanLint lint = lintWithPageLink(Plans.builtIn());
        Files.writeString(Path.of("target", "plan-lint-built-in-short.txt"), report(lint));

        assertCleanInOneSegment(Plans.builtIn(), lint);
    }

    private static PlanLint lintWithPageLink(AftercarePlan plan) {
        assertThat(SAMPLE_LINK).hasSize(45);
        return PlanLinter.forPlanTexts()
                .lint(plan, Map.of(), Optional.of(QuietHours.DEFAULT), Optional.of(SAMPLE_LINK));
    }

    private static void assertCleanInOneSegment(AftercarePlan plan, PlanLint lint) {
        assertThat(lint.texts()).hasSize(plan.steps().size() * plan.languages().size());
        assertThat(lint.texts()).allSatisfy(text -> {
            assertThat(text.encoding()).as(text.step() + " " + text.language()).isEqualTo(SmsSegments.Encoding.GSM_7);
            assertThat(text.segments()).as(text.step() + " " + text.language()).isEqualTo(1);
            assertThat(text.characters())
                    .as(text.step() + " " + text.language())
                    .isLessThanOrEqualTo(160);
        });
        assertThat(lint.findings()).isEmpty();
        assertThat(lint.clean()).isTrue();
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
