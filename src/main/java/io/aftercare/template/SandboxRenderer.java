package io.aftercare.template;

import io.aftercare.plan.MessageContext;
import io.aftercare.plan.lint.PlanLinter;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a clinic's text for the plan linter through the clinic-text sandbox ({@link ClinicTextEngine#tryOut}): no
 * loops, includes, namespaces or method calls, bounded input and output, and nothing of the text kept. For a clinic's
 * wordings and for every text of a plan a clinic posts. The text is measured as it is sent: in the GSM alphabet as far
 * as it goes while the clinic has that on, since {@code ’} is sent as one GSM character but {@code …} as three.
 */
final class SandboxRenderer implements PlanLinter.Renderer {

    private static final String REFUSED_PREFIX = "does not render: ";

    /** A tag's content; the sandbox's grammar refuses braces that pair otherwise. */
    private static final Pattern TAG = Pattern.compile("\\{([^{}]*)}");

    private final ClinicTextEngine engine;
    private final boolean transliterate;

    /** @param transliterate the clinic's {@code smsTransliteration} */
    SandboxRenderer(ClinicTextEngine engine, boolean transliterate) {
        this.engine = engine;
        this.transliterate = transliterate;
    }

    /**
     * The value tags ({@code {name}}, not sections) that name no value a text may use, so the linter can name them;
     * what else the sandbox refuses comes out of {@link #render} as the reason it does not render.
     */
    @Override
    public Set<String> unknownValues(String text) {
        Set<String> unknown = new TreeSet<>();
        if (text.length() > ClinicTextEngine.MAX_TEMPLATE_LENGTH) {
            return unknown; // refused by render, which says why
        }
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            String content = tag.group(1);
            boolean section = content.isEmpty() || "#/!".indexOf(content.charAt(0)) >= 0;
            if (!section && !MessageContext.VALUE_NAMES.contains(content.strip())) {
                unknown.add(tag.group());
            }
        }
        return unknown;
    }

    /** @throws IllegalArgumentException when the sandbox refuses the text; the message says why */
    @Override
    public String render(String text, MessageContext context, LocalDate stepDate) {
        try {
            return ClientTexts.forSms(engine.tryOut(text, context, stepDate), transliterate);
        } catch (ClinicTextRefused e) {
            String reason = e.getMessage();
            throw new IllegalArgumentException(
                    reason.startsWith(REFUSED_PREFIX) ? reason.substring(REFUSED_PREFIX.length()) : reason);
        }
    }
}
