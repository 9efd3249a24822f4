package io.aftercare.plan.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.plan.Plans;
import io.aftercare.plan.QuietHours;
import io.aftercare.support.CapturedLog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Without pages, the built-in plan's full texts run past one segment: one warning says so and how to send one-segment
 * texts, any other finding gets a line of its own, and the service runs.
 */
@QuarkusTest
class PlanLintAtStartupTest {

    @Inject
    PlanLintAtStartup check;

    @Inject
    Plans plans;

    @Test
    void shouldWarnOfTheFullTextsLengthOnceAndOfAnyOtherFindingEach() {
        PlanLint expected = PlanLinter.forPlanTexts()
                .lint(plans.current(), Map.of(), Optional.of(QuietHours.DEFAULT), Optional.empty());
        assertThat(expected.findings()).isNotEmpty();

        List<String> lines;
        try (CapturedLog log = CapturedLog.start()) {
            check.lintPlanInForce();
            lines = Arrays.stream(log.text().split("\n"))
                    .filter(line ->
                            line.contains("Aftercare plan " + plans.current().version()))
                    .toList();
        }

        List<LintFinding> others = expected.findings().stream()
                .filter(finding ->
                        finding.rule() != LintRule.TOO_LONG && finding.rule() != LintRule.MORE_THAN_ONE_SEGMENT)
                .toList();
        long length = expected.findings().size() - others.size();
        assertThat(length).isPositive();
        assertThat(lines).hasSize(2 + others.size()).allMatch(line -> line.contains(" WARN "));
        assertThat(lines.get(0))
                .contains(expected.findings().size() + " finding(s) against the healthcare profile")
                .contains("full texts");
        assertThat(lines.get(1))
                .contains(length + " finding(s) say full texts are longer than one 160-character segment")
                .contains("aftercare.public-base-url");
        for (LintFinding finding : others) {
            assertThat(lines)
                    .anySatisfy(line -> assertThat(line)
                            .contains("step " + finding.step())
                            .contains(finding.rule() + " " + finding.message()));
        }
        // Findings carry no client, and the sample names the texts were rendered with stay out of the log too.
        assertThat(String.join("\n", lines)).doesNotContain("Maximilianne", PlanLinter.SAMPLE_CLINIC_NAME);
    }
}
