package io.aftercare.plan.lint;

import io.aftercare.plan.AftercarePlan;
import io.aftercare.plan.MessageContext;
import io.aftercare.plan.PlanStep;
import io.aftercare.plan.QuietHours;
import io.aftercare.plan.StepAudience;
import io.aftercare.sms.SmsSegments;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a plan, and a clinic's own wordings of its steps, against a {@link ComplianceProfile}: renders every text a
 * client would get, in every language, with long realistic names, reports how each travels as SMS, and lists what
 * breaks the profile. While clients have pages, a client gets a step's short form (if it has one) with the link to
 * their page, so given a sample link the linter lints those; without one, the full texts. Pure: texts are rendered by
 * the {@link Renderer}s it is given, so a clinic's wording, or a plan a clinic sent, goes through the clinic-text
 * sandbox.
 */
// Over 150 lines: one pass over the plan's steps, languages and text variants feeds every rule, so the rules that read
// the rendered texts and those that read the timings share it; the findings, profile and renderer are their own types.
public final class PlanLinter {

    /** A long clinic name and a phone, so that a text which fits here fits for nearly every clinic. */
    static final String SAMPLE_CLINIC_NAME = "Northshore Scalp Micropigmentation";

    static final String SAMPLE_CLINIC_PHONE = "+1 604 555 0199";

    private static final ZoneId REFERENCE_ZONE = ZoneOffset.UTC;
    private static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 12, 31);

    /** Renders a text of the plan or a clinic's wording for one client. */
    public interface Renderer {

        /** The names the text mentions that are not values a text can mention. */
        Set<String> unknownValues(String text);

        /** @throws RuntimeException when the text does not render; its message says why */
        String render(String text, MessageContext context, LocalDate stepDate);
    }

    private final Renderer planTexts;
    private final Renderer clinicWordings;
    private final ComplianceProfile profile;

    /**
     * @param planTexts renders the plan's own texts
     * @param clinicWordings renders a clinic's wordings: a sandbox, since a clinic's text is hostile
     */
    PlanLinter(Renderer planTexts, Renderer clinicWordings, ComplianceProfile profile) {
        this.planTexts = planTexts;
        this.clinicWordings = clinicWordings;
        this.profile = profile;
    }

    /**
     * A linter of the operator's plan texts against the healthcare profile. Trusted text only: its Qute engine has the
     * default sections (loops, includes), so it lints no clinic's wording (each is a {@link LintRule#DOES_NOT_RENDER}),
     * and a plan a clinic sent must go through a sandbox instead.
     */
    public static PlanLinter forPlanTexts() {
        return new PlanLinter(new PlanTextRenderer(), new NoClinicWordings(), ComplianceProfile.HEALTHCARE);
    }

    /** A linter of the operator's plan with a clinic's wordings, rendered by the clinic-text sandbox. */
    public static PlanLinter forClinicWordings(Renderer sandbox) {
        return new PlanLinter(new PlanTextRenderer(), sandbox, ComplianceProfile.HEALTHCARE);
    }

    /** A linter of a plan a clinic sent: every text of it is hostile, so the sandbox renders them all. */
    public static PlanLinter forPostedPlan(Renderer sandbox) {
        return new PlanLinter(sandbox, sandbox, ComplianceProfile.HEALTHCARE);
    }

    public ComplianceProfile profile() {
        return profile;
    }

    /** Lints the plan's own full texts, without quiet hours. */
    public PlanLint lint(AftercarePlan plan) {
        return lint(plan, Map.of(), Optional.empty(), Optional.empty());
    }

    /**
     * @param wordingsByStep a clinic's own text per step key and language, used instead of the plan's
     * @param quietHours the clinic's quiet hours, empty when it has none
     * @param pageLink a link as long as a client's page link while clients have pages: then each step's short form
     *     (where it has one) is linted, rendered with it; empty: the full texts
     */
    public PlanLint lint(
            AftercarePlan plan,
            Map<String, Map<String, String>> wordingsByStep,
            Optional<QuietHours> quietHours,
            Optional<String> pageLink) {
        List<LintedText> texts = new ArrayList<>();
        List<LintFinding> findings = new ArrayList<>();
        Optional<PlanStep> first = firstText(plan);
        for (PlanStep step : plan.steps()) {
            Map<String, String> wordings = wordingsByStep.getOrDefault(step.key(), Map.of());
            Set<String> languages = new TreeSet<>(step.messages().keySet());
            languages.addAll(wordings.keySet());
            for (String language : languages) {
                boolean isFirst = first.map(step::equals).orElse(false);
                Text text = wordings.containsKey(language)
                        ? new Text(wordings.get(language), clinicWordings)
                        : new Text(
                                plan.template(step, Locale.forLanguageTag(language), pageLink.isPresent()), planTexts);
                lintText(step, language, text, pageLink, isFirst, texts, findings);
            }
        }
        quietHours.ifPresent(quiet -> findings.addAll(QuietHourLint.dueInside(plan, quiet)));
        findings.addAll(new FrequencyLint(profile, quietHours).breaches(plan));
        return new PlanLint(texts, findings);
    }

    /** A text to lint, with the renderer its origin calls for. */
    private record Text(String template, Renderer renderer) {}

    private void lintText(
            PlanStep step,
            String language,
            Text text,
            Optional<String> pageLink,
            boolean firstText,
            List<LintedText> texts,
            List<LintFinding> findings) {
        List<String> renderings;
        try {
            Set<String> unknown = text.renderer().unknownValues(text.template());
            if (!unknown.isEmpty()) {
                findings.add(new LintFinding(
                        step.key(),
                        language,
                        LintRule.UNKNOWN_VALUE,
                        "mentions " + String.join(", ", unknown) + ", which a text cannot mention; it may mention "
                                + new TreeSet<>(MessageContext.VALUE_NAMES)));
                return;
            }
            renderings = renderings(text, language, pageLink);
        } catch (RuntimeException e) {
            findings.add(new LintFinding(
                    step.key(), language, LintRule.DOES_NOT_RENDER, "does not render: " + e.getMessage()));
            return;
        }
        String longest = renderings.stream()
                .max(Comparator.comparingInt(
                                (String body) -> SmsSegments.of(body).segments())
                        .thenComparingInt(body -> SmsSegments.of(body).units()))
                .orElseThrow();
        LintedText linted = travel(step.key(), language, longest);
        texts.add(linted);
        if (linted.characters() > profile.mostCharacters()) {
            findings.add(new LintFinding(
                    step.key(),
                    language,
                    LintRule.TOO_LONG,
                    "has " + linted.characters() + " characters with long names; the profile allows "
                            + profile.mostCharacters()));
        }
        if (linted.segments() > 1) {
            String why = linted.forcingUcs2().isEmpty()
                    ? ""
                    : ", UCS-2 because of " + String.join(" ", linted.forcingUcs2());
            findings.add(new LintFinding(
                    step.key(),
                    language,
                    LintRule.MORE_THAN_ONE_SEGMENT,
                    "takes " + linted.segments() + " SMS segments with long names (" + linted.units() + " "
                            + (linted.encoding() == SmsSegments.Encoding.GSM_7 ? "GSM-7 septets" : "UTF-16 units")
                            + why + ")"));
        }
        if (firstText
                && renderings.stream()
                        .anyMatch(body -> !profile.optOut().matcher(body).find())) {
            findings.add(new LintFinding(
                    step.key(),
                    language,
                    LintRule.NO_OPT_OUT,
                    "is the first text a client gets after a session but does not say how to opt out (e.g. "
                            + "\"Reply STOP to opt out\")"));
        }
    }

    /** The text rendered for every branch a text may take: the treatment going on or not, a phone or none. */
    private static List<String> renderings(Text text, String language, Optional<String> pageLink) {
        Locale locale = Locale.forLanguageTag(language);
        MessageContext sample =
                withLink(MessageContext.sample(locale, SAMPLE_CLINIC_NAME, SAMPLE_CLINIC_PHONE), pageLink);
        MessageContext withoutPhone = withLink(MessageContext.sample(locale, SAMPLE_CLINIC_NAME, null), pageLink);
        List<String> renderings = new ArrayList<>();
        for (MessageContext context :
                List.of(sample, sample.afterLastSession(), withoutPhone, withoutPhone.afterLastSession())) {
            renderings.add(text.renderer().render(text.template(), context, REFERENCE_DATE));
        }
        return renderings;
    }

    private static MessageContext withLink(MessageContext context, Optional<String> pageLink) {
        return pageLink.map(context::withPageLink).orElse(context);
    }

    static LintedText travel(String step, String language, String body) {
        SmsSegments.Count count = SmsSegments.of(body);
        Set<String> forcing = new LinkedHashSet<>();
        body.codePoints()
                .mapToObj(Character::toString)
                .filter(c -> !SmsSegments.isGsm7(c))
                .forEach(forcing::add);
        return new LintedText(
                step,
                language,
                count.encoding(),
                List.copyOf(forcing),
                body.codePointCount(0, body.length()),
                count.units(),
                count.segments());
    }

    /** The step a client gets first after a session (ending at noon), if any is ever sent after one. */
    static Optional<PlanStep> firstText(AftercarePlan plan) {
        Instant ended = REFERENCE_DATE.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
        return plan.steps().stream()
                .filter(step -> step.audience() != StepAudience.URGENT_REPLY)
                .min(Comparator.comparing(step -> step.due().dueAt(ended, REFERENCE_ZONE)));
    }

    /** Lints no clinic's wording: the linter of the plan's own texts has no sandbox to render one with. */
    private static final class NoClinicWordings implements Renderer {

        @Override
        public Set<String> unknownValues(String text) {
            return Set.of();
        }

        @Override
        public String render(String text, MessageContext context, LocalDate stepDate) {
            throw new IllegalStateException("a clinic's wording is linted through the clinic-text sandbox only");
        }
    }

    /** Renders the operator's plan texts with a Qute engine of their own, as {@code plan.MessageRenderer} does. */
    static final class PlanTextRenderer implements Renderer {

        private final Engine engine = Engine.builder().addDefaults().build();
        // Unbounded, but one renderer lints one plan: at most one entry per step and language.
        private final Map<String, Template> parsed = new LinkedHashMap<>();

        @Override
        public Set<String> unknownValues(String text) {
            Set<String> unknown = new TreeSet<>();
            for (Expression expression : template(text).getExpressions()) {
                if (expression.isLiteral()) {
                    continue;
                }
                String name = expression.getParts().get(0).getName();
                if (expression.hasNamespace() || !MessageContext.VALUE_NAMES.contains(name)) {
                    unknown.add("{" + expression.toOriginalString() + "}");
                }
            }
            return unknown;
        }

        @Override
        public String render(String text, MessageContext context, LocalDate stepDate) {
            TemplateInstance instance = template(text).instance();
            context.values(stepDate).forEach(instance::data);
            return instance.render().strip();
        }

        private Template template(String text) {
            return parsed.computeIfAbsent(text, engine::parse);
        }
    }
}
