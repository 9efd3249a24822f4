package io.aftercare.dashboard.settings;

import io.aftercare.plan.lint.LintFinding;
import io.aftercare.template.TemplateTrial;
import io.aftercare.template.TextFit;
import java.util.List;

/**
 * A wording as the preview shows it: the sample client's text, how it travels as SMS, why saving it would be refused
 * (exactly what saving enforces: {@link TemplateTrial}), and the plan's other findings for the step as notes.
 *
 * @param sample null when the text was refused before it could be rendered
 */
public record WordingPreview(
        String sample,
        boolean ucs2,
        String ucs2Characters,
        int units,
        int segments,
        int maxSegments,
        List<String> refusals,
        List<String> notes) {

    /** Characters named for a UCS-2 text: a text in another script has dozens, a few say enough. */
    static final int CHARACTERS_SHOWN = 5;

    static WordingPreview of(TemplateTrial trial, List<LintFinding> notes) {
        TextFit fit = trial.fit();
        List<String> forced = fit == null ? List.of() : fit.forcedUcs2By();
        String characters = String.join(", ", forced.subList(0, Math.min(CHARACTERS_SHOWN, forced.size())))
                + (forced.size() > CHARACTERS_SHOWN ? " …" : "");
        return new WordingPreview(
                trial.sample(),
                !forced.isEmpty(), // a text is UCS-2 exactly when a character is outside the GSM alphabet
                characters,
                fit == null ? 0 : fit.units(),
                fit == null ? 0 : fit.segments(),
                TextFit.MAX_SEGMENTS,
                trial.refusals(),
                notes.stream()
                        .map(finding -> finding.rule() + ": " + finding.message())
                        .toList());
    }

    public boolean rendered() {
        return sample != null;
    }

    public boolean tooLong() {
        return segments > maxSegments;
    }

    public boolean accepted() {
        return refusals.isEmpty();
    }
}
