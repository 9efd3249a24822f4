package io.aftercare.template;

import io.aftercare.plan.lint.ComplianceProfile;
import io.aftercare.plan.lint.LintFinding;
import io.aftercare.plan.lint.LintedText;
import io.aftercare.plan.lint.PlanLint;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the plan linter found, as the API answers it. */
@Schema(name = "PlanLint")
public record PlanLintView(
        @Schema(description = "Version of the plan linted", example = "smp-2026.11.3")
        String plan,

        @Schema(
                description = "true while clients have pages: each step's short form (where it has one) was linted,"
                        + " with a link as long as a client's page link; false: the full texts")
        boolean shortTexts,

        Profile profile,

        @Schema(description = "Each step's text in each language as it travels, with long sample names")
        List<LintedText> texts,

        @Schema(description = "Every breach of the profile; a finding without a language is the step's timing")
        List<LintFinding> findings,

        @Schema(description = "true when there is no finding")
        boolean clean) {

    /** The limits the texts were linted against. */
    @Schema(name = "ComplianceProfile")
    record Profile(
            @Schema(example = "healthcare") String name,

            @Schema(description = "Texts one client may get on one local day")
            int mostTextsADay,

            @Schema(description = "Texts one client may get within any 7 days")
            int mostTextsAWeek,

            @Schema(description = "Characters one text may have")
            int mostCharacters,

            @Schema(description = "The pattern the first text after a session must contain to say how to opt out")
            String optOut) {}

    static PlanLintView of(String plan, boolean shortTexts, ComplianceProfile profile, PlanLint lint) {
        return new PlanLintView(
                plan,
                shortTexts,
                new Profile(
                        profile.name(),
                        profile.mostTextsADay(),
                        profile.mostTextsAWeek(),
                        profile.mostCharacters(),
                        profile.optOut().pattern()),
                lint.texts(),
                lint.findings(),
                lint.clean());
    }
}
