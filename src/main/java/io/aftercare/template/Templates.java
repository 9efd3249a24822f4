package io.aftercare.template;

import io.aftercare.audit.AuditAction;
import io.aftercare.audit.AuditLog;
import io.aftercare.clinic.Clinic;
import io.aftercare.db.TimeOrderedIds;
import io.aftercare.plan.AftercarePlan;
import io.aftercare.plan.MessageContext;
import io.aftercare.plan.MessageRenderer;
import io.aftercare.plan.PlanStep;
import io.aftercare.plan.Plans;
import io.aftercare.plan.lint.LintFinding;
import io.aftercare.problem.FieldViolation;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.TextFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The wording of each step for a clinic: the plan's, or the clinic's own where it wrote one. */
// Over 150 lines: list, read, change and reset of one resource, each a few lines, sharing the plan and sample look-ups.
@ApplicationScoped
public class Templates {

    private final Plans plans;
    private final MessageRenderer planTexts;
    private final ClinicTextEngine clinicTexts;
    private final Clock clock;
    private final AuditLog audit;
    private final ClinicPlanLinter planLinter;

    Templates(
            Plans plans,
            MessageRenderer planTexts,
            ClinicTextEngine clinicTexts,
            Clock clock,
            AuditLog audit,
            ClinicPlanLinter planLinter) {
        this.plans = plans;
        this.planTexts = planTexts;
        this.clinicTexts = clinicTexts;
        this.clock = clock;
        this.audit = audit;
        this.planLinter = planLinter;
    }

    /** The clinic's own templates in one language, by step key. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> overrides(UUID clinicId, String language) {
        return TemplateOverride.<TemplateOverride>list("clinicId = ?1 and language = ?2", clinicId, language).stream()
                .collect(Collectors.toMap(override -> override.step, override -> override.template));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TemplateView> list(UUID clinicId) {
        Clinic clinic = Clinic.findById(clinicId);
        AftercarePlan plan = plans.current();
        Map<String, TemplateOverride> own = TemplateOverride.forClinic(clinicId).stream()
                .collect(Collectors.toMap(override -> override.step + "/" + override.language, override -> override));
        List<TemplateView> views = new ArrayList<>();
        for (PlanStep step : plan.steps()) {
            for (String language : plan.languages()) {
                views.add(
                        view(clinic, plan, step, language, Optional.ofNullable(own.get(step.key() + "/" + language))));
            }
        }
        return views;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateView get(UUID clinicId, String stepKey, String language) {
        AftercarePlan plan = plans.current();
        return effective(Clinic.findById(clinicId), plan, step(plan, stepKey), language(plan, language));
    }

    /**
     * Sets the clinic's wording of a step. Refused unless it uses only what a clinic's text may use
     * ({@link ClinicTextEngine}), fits in {@value TextFit#MAX_SEGMENTS} SMS segments with long names, and breaks no
     * rule of the compliance profile that the plan's own text of the step and language keeps
     * ({@link ClinicPlanLinter}), each breach a reason of the refusal.
     */
    @Transactional
    public TemplateView put(UUID clinicId, String stepKey, String language, String template) {
        AftercarePlan plan = plans.current();
        step(plan, stepKey);
        language(plan, language);
        Clinic clinic = Clinic.findById(clinicId);
        if (template == null || template.isBlank()) {
            throw ProblemException.invalid("template", "must not be blank");
        }
        // A line break may shape a text; no other control character belongs in one.
        TextFields.problem(template, "\n").ifPresent(reason -> {
            throw ProblemException.invalid("template", reason);
        });
        MessageContext context = sampleContext(clinic, language);
        String sample = clinicSample(clinic, template, context);
        TextFit fit = TextFit.of(sample);
        // Both sides of {#if treatmentContinues}, the one choice every clinic's texts make, must fit.
        TextFit lastSession = TextFit.of(clinicSample(clinic, template, context.afterLastSession()));
        TextFit longest = lastSession.segments() > fit.segments() ? lastSession : fit;
        if (!longest.fits()) {
            throw ProblemException.invalid(
                    "template",
                    "takes %d SMS segments (%s, %d units) with long names; at most %d (%s)"
                            .formatted(
                                    longest.segments(),
                                    longest.encoding(),
                                    longest.units(),
                                    TextFit.MAX_SEGMENTS,
                                    longest.reason()));
        }
        List<LintFinding> breaches = planLinter.newBreaches(clinic, plan, stepKey, language, template);
        if (!breaches.isEmpty()) {
            throw ProblemException.invalid(breaches.stream()
                    .map(breach -> new FieldViolation("template", breach.rule() + ": " + breach.message()))
                    .toList());
        }
        TemplateOverride override = TemplateOverride.find(clinicId, stepKey, language)
                .orElseGet(() -> {
                    TemplateOverride created = new TemplateOverride();
                    created.id = TimeOrderedIds.next();
                    created.clinicId = clinicId;
                    created.step = stepKey;
                    created.language = language;
                    return created;
                });
        override.template = template;
        override.updatedAt = clock.instant();
        override.persist();
        audit.record(AuditAction.TEMPLATE_CHANGED, clinicId, "template:" + stepKey + "/" + language);
        return new TemplateView(stepKey, language, template, true, sample, fit, override.updatedAt, null);
    }

    /** Goes back to the plan's wording. */
    @Transactional
    public TemplateView reset(UUID clinicId, String stepKey, String language) {
        AftercarePlan plan = plans.current();
        PlanStep step = step(plan, stepKey);
        TemplateOverride.find(clinicId, stepKey, language(plan, language))
                .orElseThrow(() -> ProblemException.notFound(
                        "The clinic has no own text for step " + stepKey + " in '" + language + "'"))
                .delete();
        audit.record(AuditAction.TEMPLATE_RESET, clinicId, "template:" + stepKey + "/" + language);
        return effective(Clinic.findById(clinicId), plan, step, language);
    }

    private TemplateView effective(Clinic clinic, AftercarePlan plan, PlanStep step, String language) {
        return view(clinic, plan, step, language, TemplateOverride.find(clinic.id, step.key(), language));
    }

    private TemplateView view(
            Clinic clinic, AftercarePlan plan, PlanStep step, String language, Optional<TemplateOverride> override) {
        Instant updatedAt = override.map(own -> own.updatedAt).orElse(null);
        MessageContext context = sampleContext(clinic, language);
        if (override.isEmpty()) {
            String sample = ClientTexts.forSms(
                    planTexts.render(plan, step, context, context.nextSessionDate()), clinic.smsTransliteration);
            return new TemplateView(
                    step.key(),
                    language,
                    plan.template(step, context.locale()),
                    false,
                    sample,
                    TextFit.of(sample),
                    null,
                    null);
        }
        String template = override.get().template;
        try {
            String sample = ClientTexts.forSms(
                    clinicTexts.render(template, context, context.nextSessionDate()), clinic.smsTransliteration);
            return new TemplateView(step.key(), language, template, true, sample, TextFit.of(sample), updatedAt, null);
        } catch (ClinicTextRefused e) {
            // Written before today's rules for clinic text: shown with the reason, while texts use the plan's words.
            return new TemplateView(step.key(), language, template, true, null, null, updatedAt, e.getMessage());
        }
    }

    /**
     * A wording being tried out, rendered with long sample names and written for SMS as the clinic's texts are, as the
     * check of its length sees it.
     */
    private String clinicSample(Clinic clinic, String template, MessageContext context) {
        try {
            return ClientTexts.forSms(
                    clinicTexts.tryOut(template, context, context.nextSessionDate()), clinic.smsTransliteration);
        } catch (ClinicTextRefused e) {
            throw ProblemException.invalid("template", e.getMessage());
        }
    }

    private static MessageContext sampleContext(Clinic clinic, String language) {
        return MessageContext.sample(Locale.forLanguageTag(language), clinic.name, clinic.phone);
    }

    private static PlanStep step(AftercarePlan plan, String key) {
        return plan.step(key)
                .orElseThrow(
                        () -> ProblemException.notFound("The plan " + plan.version() + " has no step '" + key + "'"));
    }

    private static String language(AftercarePlan plan, String language) {
        if (!plan.languages().contains(language)) {
            throw ProblemException.notFound(
                    "The plan has texts in " + plan.languages() + ", not in '" + language + "'");
        }
        return language;
    }
}
