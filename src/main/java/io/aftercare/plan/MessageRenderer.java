package io.aftercare.plan;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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

    /**
     * @throws io.quarkus.qute.TemplateException when the template does not parse or names a value that does not exist
     */
    public String render(String template, MessageContext context, LocalDate stepDate) {
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(
                "en".equals(context.locale().getLanguage()) ? "MMMM d" : "d MMMM", context.locale());
        return parsed.computeIfAbsent(template, engine::parse)
                .data("firstName", context.firstName())
                .data("clinicName", context.clinicName())
                .data("clinicPhone", context.clinicPhone())
                .data("treatmentContinues", context.treatmentContinues())
                .data("sessionDate", dates.format(context.sessionDate()))
                .data("nextSessionDate", dates.format(context.nextSessionDate()))
                .data("stepDate", dates.format(stepDate))
                .render()
                .strip();
    }
}
