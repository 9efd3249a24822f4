package io.aftercare.plan;

import io.aftercare.pagelink.PageLinks;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the plan's own texts with the application's Qute engine. The plan is the operator's (built in, or the file
 * of {@code aftercare.plan.location}), so it is trusted; a clinic's wording never comes here, it has a sandbox of its
 * own ({@code template.ClinicTextEngine}). While clients have pages, a step's short form is rendered, if it has one.
 */
@ApplicationScoped
public class MessageRenderer {

    private final Engine engine;
    private final boolean shortForms;
    // Keyed by the plan's texts only, so it holds at most one entry per step and language.
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    @Inject
    MessageRenderer(Engine engine, PageLinks pageLinks) {
        this(engine, pageLinks.enabled());
    }

    MessageRenderer(Engine engine, boolean shortForms) {
        this.engine = engine;
        this.shortForms = shortForms;
    }

    /** The step's text in the client's language, for one client. */
    public String render(AftercarePlan plan, PlanStep step, MessageContext context, LocalDate stepDate) {
        TemplateInstance instance = parsed.computeIfAbsent(
                        plan.template(step, context.locale(), shortForms), engine::parse)
                .instance();
        context.values(stepDate).forEach(instance::data);
        return instance.render().strip();
    }
}
