package io.aftercare.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

    /** The key of the step that answers a reply triage found urgent; a plan without it answers none. */
    public static final String URGENT_ANSWER = "urgent-answer";

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

    /**
     * The step's template in the client's language (or the default one): its short form when {@code shortForm} is set
     * and the step has one, its full text otherwise.
     */
    public String template(PlanStep step, Locale locale, boolean shortForm) {
        if (shortForm && !step.shortMessages().isEmpty()) {
            return step.shortMessages()
                    .getOrDefault(locale.getLanguage(), step.shortMessages().get(defaultLanguage));
        }
        return template(step, locale);
    }

    /** The text that answers a client's urgent reply, if the plan has one. */
    public Optional<PlanStep> urgentAnswer() {
        return step(URGENT_ANSWER).filter(step -> step.audience() == StepAudience.URGENT_REPLY);
    }

    /**
     * How long after a session its aftercare is under way: until the advice of its last scheduled step stops applying,
     * that is the latest step's due time plus its {@code validFor} (a step without one counts from its due time), and a
     * day more, since a step due "day N at 09:00" falls in the client's time zone. Every step counts, optional ones
     * too: a reply is better attributed to an aftercare that may still be sending than to none.
     */
    public Duration aftercareSpan() {
        Instant origin = Instant.EPOCH;
        Duration longest = Duration.ZERO;
        for (PlanStep step : steps) {
            if (step.audience() == StepAudience.URGENT_REPLY) {
                continue;
            }
            Duration until = Duration.between(origin, step.due().dueAt(origin, ZoneOffset.UTC))
                    .plus(step.validFor().orElse(Duration.ZERO));
            longest = until.compareTo(longest) > 0 ? until : longest;
        }
        return longest.plusDays(1);
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
