package io.aftercare.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.problem.JsonPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON form of a plan, as written in {@code plans/*.json} or posted to be linted, and its translation into an
 * {@link AftercarePlan}. Every fault is an {@link InvalidPlan} naming the field by its JSON path.
 */
// Over 150 lines: the plan's JSON form and every check of it, each fault named by its JSON path, in one place.
final class PlanFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** An ISO 639 language code, as a client's locale names its language. */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private static final String NOT_A_PLAN = "must be a JSON object with a version, a defaultLanguage and steps";

    record Step(
            String key,
            String due,
            String validFor,
            StepAudience appliesTo,
            boolean optional,
            Map<String, String> messages,
            @JsonProperty("short") Map<String, String> shortMessages) {}

    record Plan(String version, String defaultLanguage, String minimumSessionSpacing, List<Step> steps) {}

    /** A fault of one field, on its way to becoming an {@link InvalidPlan} that names the plan's origin. */
    private static final class Fault extends RuntimeException {
        private final String field;

        Fault(String field, String reason, Throwable cause) {
            super(reason, cause, false, false);
            this.field = field;
        }
    }

    private PlanFile() {}

    /** @throws InvalidPlan naming the field at fault */
    static AftercarePlan read(InputStream json, String origin) {
        try {
            Plan file = JSON.readValue(json, Plan.class);
            if (file == null) {
                throw new Fault(null, NOT_A_PLAN, null);
            }
            return toPlan(file);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamReadException unreadable) {
                // Broken off inside a field: the JSON's fault, not the field's.
                throw new InvalidPlan(origin, null, "is not valid JSON" + where(unreadable.getLocation()), e);
            }
            String path = JsonPaths.of(e);
            throw path.isEmpty()
                    ? new InvalidPlan(origin, null, NOT_A_PLAN, e)
                    : new InvalidPlan(origin, path, JsonPaths.reason(e), e);
        } catch (JsonProcessingException e) {
            throw new InvalidPlan(origin, null, "is not valid JSON" + where(e.getLocation()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Fault e) {
            throw new InvalidPlan(origin, e.field, e.getMessage(), e.getCause());
        }
    }

    private static AftercarePlan toPlan(Plan file) {
        require(file.version() != null && !file.version().isBlank(), "version", "is required");
        require(file.defaultLanguage() != null, "defaultLanguage", "is required");
        require(
                LANGUAGE.matcher(file.defaultLanguage()).matches(),
                "defaultLanguage",
                "must be a language code such as en");
        require(file.steps() != null && !file.steps().isEmpty(), "steps", "must hold at least one step");
        Set<String> keys = new HashSet<>();
        List<PlanStep> steps = new ArrayList<>(file.steps().size());
        for (int i = 0; i < file.steps().size(); i++) {
            steps.add(toStep(file.steps().get(i), "steps[" + i + "]", file.defaultLanguage(), keys));
        }
        Duration spacing = file.minimumSessionSpacing() == null
                ? AftercarePlan.DEFAULT_SESSION_SPACING
                : duration(file.minimumSessionSpacing(), "minimumSessionSpacing");
        return new AftercarePlan(file.version(), file.defaultLanguage(), spacing, steps);
    }

    private static PlanStep toStep(Step step, String path, String defaultLanguage, Set<String> keys) {
        require(step != null, path, "must be a step object");
        require(step.key() != null && !step.key().isBlank(), path + ".key", "is required");
        require(keys.add(step.key()), path + ".key", "repeats the key of an earlier step");
        StepTiming due;
        try {
            due = StepTiming.parse(step.due());
        } catch (IllegalArgumentException e) {
            throw new Fault(path + ".due", e.getMessage(), e);
        }
        require(step.messages() != null, path + ".messages", "is required");
        texts(step.messages(), path + ".messages", defaultLanguage);
        if (step.shortMessages() != null) {
            texts(step.shortMessages(), path + ".short", defaultLanguage);
        }
        Optional<Duration> validFor =
                Optional.ofNullable(step.validFor()).map(text -> duration(text, path + ".validFor"));
        StepAudience audience = step.appliesTo() == null ? StepAudience.EVERY_SESSION : step.appliesTo();
        return new PlanStep(
                step.key(),
                due,
                validFor,
                audience,
                step.optional(),
                step.messages(),
                step.shortMessages() == null ? Map.of() : step.shortMessages());
    }

    /** A step's texts by language: one in the plan's default language, and no language without a text. */
    private static void texts(Map<String, String> texts, String path, String defaultLanguage) {
        require(
                texts.get(defaultLanguage) != null,
                path + "." + defaultLanguage,
                "is required: the plan's default language");
        texts.forEach((language, text) -> {
            require(LANGUAGE.matcher(language).matches(), path + "." + language, "is not a language code such as en");
            require(text != null, path + "." + language, "must be a text");
        });
    }

    private static Duration duration(String text, String field) {
        try {
            Duration duration = Duration.parse(text);
            require(!duration.isNegative(), field, "must not be negative");
            return duration;
        } catch (DateTimeParseException e) {
            throw new Fault(field, "must be an ISO-8601 duration such as P3D", e);
        }
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static void require(boolean condition, String field, String reason) {
        if (!condition) {
            throw new Fault(field, reason, null);
        }
    }
}
