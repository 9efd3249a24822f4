package io.aftercare.plan.lint;

import io.aftercare.pagelink.PageLinks;
import io.aftercare.plan.AftercarePlan;
import io.aftercare.plan.Plans;
import io.aftercare.plan.QuietHours;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lints the plan in force when the service starts, as clients would get it (the short texts with a sample link while
 * they have pages), with a new clinic's quiet hours, and logs what it finds: an operator sees at once that a plan file
 * breaks the healthcare profile. A warning only: the texts still go out, so the service starts all the same.
 */
@Startup
@ApplicationScoped
class PlanLintAtStartup {

    private static final Set<LintRule> LENGTH_RULES = EnumSet.of(LintRule.TOO_LONG, LintRule.MORE_THAN_ONE_SEGMENT);

    private final Plans plans;
    private final PageLinks pageLinks;

    PlanLintAtStartup(Plans plans, PageLinks pageLinks) {
        this.plans = plans;
        this.pageLinks = pageLinks;
    }

    /** Findings name steps, languages and rules, never a client or a text's body, so each can be logged. */
    @PostConstruct
    void lintPlanInForce() {
        AftercarePlan plan = plans.current();
        String texts = pageLinks.enabled() ? "short texts with a sample page link" : "full texts";
        PlanLinter linter = PlanLinter.forPlanTexts();
        String profile = linter.profile().name();
        PlanLint lint;
        try {
            lint = linter.lint(plan, Map.of(), Optional.of(QuietHours.DEFAULT), pageLinks.sample());
        } catch (RuntimeException e) {
            Log.warnf(
                    "Aftercare plan %s could not be linted (%s)",
                    plan.version(), e.getClass().getSimpleName());
            return;
        }
        if (lint.clean()) {
            Log.infof(
                    "Aftercare plan %s lints clean against the %s profile (%d %s)",
                    plan.version(), profile, lint.texts().size(), texts);
            return;
        }
        Log.warnf(
                "Aftercare plan %s has %d finding(s) against the %s profile (%d %s); POST /v1/plan/lint shows them",
                plan.version(), lint.findings().size(), profile, lint.texts().size(), texts);
        List<LintFinding> each = lint.findings();
        if (!pageLinks.enabled()) {
            // Full texts are meant to run past one segment: one line for all of them, with the way out, instead of two
            // lines per text at every start.
            List<LintFinding> length = each.stream()
                    .filter(finding -> LENGTH_RULES.contains(finding.rule()))
                    .toList();
            if (!length.isEmpty()) {
                Log.warnf(
                        "Aftercare plan %s: %d finding(s) say full texts are longer than one 160-character segment;"
                                + " set aftercare.public-base-url to give clients pages and send one-segment texts",
                        plan.version(), length.size());
            }
            each = each.stream()
                    .filter(finding -> !LENGTH_RULES.contains(finding.rule()))
                    .toList();
        }
        for (LintFinding finding : each) {
            Log.warnf(
                    "Aftercare plan %s, step %s%s: %s %s",
                    plan.version(),
                    finding.step(),
                    finding.language() == null ? "" : " (" + finding.language() + ")",
                    finding.rule(),
                    finding.message());
        }
    }
}
