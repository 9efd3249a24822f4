package io.aftercare.plan;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A versioned aftercare plan: the texts a client receives after a session, in order.
 *
 * @param version changes whenever a text or a timing changes; stored on every reminder scheduled from it
 * @param defaultLanguage the language used when a client's locale has no text of its own
 */
public record AftercarePlan(String version, String defaultLanguage, List<PlanStep> steps) {

    public AftercarePlan {
        steps = List.copyOf(steps);
    }

    public Optional<PlanStep> step(String key) {
        return steps.stream().filter(step -> step.key().equals(key)).findFirst();
    }

    /** Languages every step has a text in. */
    public Set<String> languages() {
        Set<String> languages = new TreeSet<>(steps.get(0).messages().keySet());
        steps.forEach(step -> languages.retainAll(step.messages().keySet()));
        return languages;
    }
}
