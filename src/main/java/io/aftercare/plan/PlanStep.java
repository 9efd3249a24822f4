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
 * @param messages Qute template of the text per language
 */
public record PlanStep(String key, StepTiming due, Optional<Duration> validFor, Map<String, String> messages) {

    public PlanStep {
        messages = Map.copyOf(messages);
    }
}
