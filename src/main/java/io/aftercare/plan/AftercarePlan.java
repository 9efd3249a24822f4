package io.aftercare.plan;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A versioned aftercare plan: the texts a client receives after a session, in order.
 *
 * @param version changes whenever a text or a timing changes; stored on every reminder scheduled from it
 * @param defaultLanguage the language used when a client's locale has no text of its own
 * @param minimumSessionSpacing how far apart the sessions of a treatment should be; closer ones get a warning
 */
public record AftercarePlan(
        String version, String defaultLanguage, Duration minimumSessionSpacing, List<PlanStep> steps) {

    public static final Duration DEFAULT_SESSION_SPACING = Duration.ofDays(10);

    public AftercarePlan {
        steps = List.copyOf(steps);
    }

    public Optional<PlanStep> step(String key) {
        return steps.stream().filter(step -> step.key().equals(key)).findFirst();
    }

    /** The step's template in the client's language, or in the plan's default language when it has none. */
    public String template(PlanStep step, Locale locale) {
        return step.messages()
                .getOrDefault(locale.getLanguage(), step.messages().get(defaultLanguage));
    }

    /** Keys of the steps a clinic may switch on. */
    public Set<String> optionalSteps() {
        Set<String> keys = new TreeSet<>();
        steps.stream().filter(PlanStep::optional).forEach(step -> keys.add(step.key()));
        return keys;
    }

    /** Languages every step has a text in. */
    public Set<String> languages() {
        Set<String> languages = new TreeSet<>(steps.get(0).messages().keySet());
        steps.forEach(step -> languages.retainAll(step.messages().keySet()));
        return languages;
    }
}
