package io.aftercare.plan;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One text of the plan.
 *
 * @param key stable name of the step, e.g. {@code day-4}
 * @param due when it falls due
 * @param validFor how long after falling due its advice still applies at the most; unset means until the next step
 * @param audience which sessions it follows
 * @param optional a long-term step sent only to clients of clinics that switched it on
 * @param messages Qute template of the text per language
 */
public record PlanStep(
        String key,
        StepTiming due,
        Optional<Duration> validFor,
        StepAudience audience,
        boolean optional,
        Map<String, String> messages) {

    public PlanStep {
        messages = Map.copyOf(messages);
    }

    boolean follows(SessionFacts session) {
        boolean audienceMatches = audience == StepAudience.EVERY_SESSION
                || (audience == StepAudience.FINAL_TREATMENT_SESSION && session.finalTreatmentSession());
        return audienceMatches && (!optional || session.optionalSteps().contains(key));
    }
}
