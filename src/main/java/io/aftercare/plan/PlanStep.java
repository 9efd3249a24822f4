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
 * @param shortMessages a one-segment form of the text per language, linking to the client's page; sent instead of
 *     {@code messages} while clients have pages ({@code aftercare.public-base-url}); may be empty
 */
public record PlanStep(
        String key,
        StepTiming due,
        Optional<Duration> validFor,
        StepAudience audience,
        boolean optional,
        Map<String, String> messages,
        Map<String, String> shortMessages) {

    public PlanStep {
        messages = Map.copyOf(messages);
        shortMessages = Map.copyOf(shortMessages);
    }

    /** A step with only its full texts. */
    public PlanStep(
            String key,
            StepTiming due,
            Optional<Duration> validFor,
            StepAudience audience,
            boolean optional,
            Map<String, String> messages) {
        this(key, due, validFor, audience, optional, messages, Map.of());
    }

    boolean follows(SessionFacts session) {
        boolean audienceMatches = audience == StepAudience.EVERY_SESSION
                || (audience == StepAudience.FINAL_TREATMENT_SESSION && session.finalTreatmentSession());
        return audienceMatches && (!optional || session.optionalSteps().contains(key));
    }
}
