package io.aftercare.plan.lint;

import java.util.List;

/** What the plan linter reports: every text as it travels, and every breach of the profile. */
public record PlanLint(List<LintedText> texts, List<LintFinding> findings) {

    public PlanLint {
        texts = List.copyOf(texts);
        findings = List.copyOf(findings);
    }

    public boolean clean() {
        return findings.isEmpty();
    }
}
