package io.aftercare.plan;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renders a step's text for one client with Qute; each template is parsed once. */
@ApplicationScoped
public class MessageRenderer {

    private final Engine engine;
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    MessageRenderer(Engine engine) {
        this.engine = engine;
    }

    public String render(AftercarePlan plan, PlanStep step, Locale locale, MessageContext context) {
        String template = step.messages().getOrDefault(locale.getLanguage(), step.messages().get(plan.defaultLanguage()));
        return render(template, context);
    }

    public String render(String template, MessageContext context) {
        return parsed.computeIfAbsent(template, engine::parse)
                .data("firstName", context.firstName())
                .data("clinicName", context.clinicName())
                .data("clinicPhone", context.clinicPhone())
                .data("treatmentContinues", context.treatmentContinues())
                .render()
                .strip();
    }
}
