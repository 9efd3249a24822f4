package io.aftercare.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The JSON form of a plan, as written in {@code plans/*.json}, and its translation into an {@link AftercarePlan}. */
final class PlanFile {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Step(
            String key,
            String due,
            String validFor,
            StepAudience appliesTo,
            boolean optional,
            Map<String, String> messages,
            @JsonProperty("short") Map<String, String> shortMessages) {}

    record Plan(String version, String defaultLanguage, String minimumSessionSpacing, List<Step> steps) {}

    private PlanFile() {}

    static AftercarePlan read(InputStream json, String origin) {
        try {
            return toPlan(JSON.readValue(json, Plan.class));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("The aftercare plan " + origin + " is invalid: " + e.getMessage(), e);
        }
    }

    private static AftercarePlan toPlan(Plan file) {
        require(file.version() != null && !file.version().isBlank(), "it needs a version");
        require(file.defaultLanguage() != null, "it needs a defaultLanguage");
        require(file.steps() != null && !file.steps().isEmpty(), "it needs at least one step");
        Set<String> keys = new HashSet<>();
        List<PlanStep> steps = file.steps().stream()
                .map(step -> {
                    require(
                            step.key() != null && keys.add(step.key()),
                            "step keys must be present and unique: " + step.key());
                    require(
                            step.messages() != null && step.messages().containsKey(file.defaultLanguage()),
                            "step " + step.key() + " has no '" + file.defaultLanguage() + "' text");
                    require(
                            step.shortMessages() == null || step.shortMessages().containsKey(file.defaultLanguage()),
                            "step " + step.key() + " has short texts but no '" + file.defaultLanguage() + "' one");
                    Optional<Duration> validFor =
                            Optional.ofNullable(step.validFor()).map(Duration::parse);
                    StepAudience audience = step.appliesTo() == null ? StepAudience.EVERY_SESSION : step.appliesTo();
                    return new PlanStep(
                            step.key(),
                            StepTiming.parse(step.due()),
                            validFor,
                            audience,
                            step.optional(),
                            step.messages(),
                            step.shortMessages() == null ? Map.of() : step.shortMessages());
                })
                .toList();
        Duration spacing = file.minimumSessionSpacing() == null
                ? AftercarePlan.DEFAULT_SESSION_SPACING
                : Duration.parse(file.minimumSessionSpacing());
        return new AftercarePlan(file.version(), file.defaultLanguage(), spacing, steps);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
