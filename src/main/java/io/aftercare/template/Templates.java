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
import io.aftercare.problem.FieldViolation;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.TextFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
    private final CachedOverrides cachedOverrides;
    private final Event<WordingChanged> changed;

    Templates(
            Plans plans,
            MessageRenderer planTexts,
            ClinicTextEngine clinicTexts,
            Clock clock,
            AuditLog audit,
            ClinicPlanLinter planLinter,
            CachedOverrides cachedOverrides,
            Event<WordingChanged> changed) {
        this.plans = plans;
        this.planTexts = planTexts;
        this.clinicTexts = clinicTexts;
        this.clock = clock;
        this.audit = audit;
        this.planLinter = planLinter;
        this.cachedOverrides = cachedOverrides;
        this.changed = changed;
    }

    /**
     * The clinic's own templates in one language, by step key; immutable. From memory (see {@link CachedOverrides}):
     * a change through another node is seen here within {@code aftercare.auth.cache-ttl}.
     */
    public Map<String, String> overrides(UUID clinicId, String language) {
        return cachedOverrides.overrides(clinicId, language);
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
     * What {@link #put} would answer for this wording, without storing anything: the same checks, each failed one a
     * refusal. A wording is refused unless it uses only what a clinic's text may use ({@link ClinicTextEngine}), fits
     * in {@value TextFit#MAX_SEGMENTS} SMS segments with long names on both sides of {@code {#if treatmentContinues}},
     * and breaks no rule of the compliance profile that the plan's own text of the step and language keeps
     * ({@link ClinicPlanLinter}), each breach a refusal. The checks run in that order and stop at the first that
     * fails, as saving does. 404 for a step or language the plan does not have.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateTrial tryOut(UUID clinicId, String stepKey, String language, String template) {
        AftercarePlan plan = plans.current();
        step(plan, stepKey);
        language(plan, language);
        Clinic clinic = Clinic.findById(clinicId);
        if (template == null || template.isBlank()) {
            return TemplateTrial.refused("must not be blank");
        }
        // A line break may shape a text; no other control character belongs in one.
        Optional<String> controlCharacters = TextFields.problem(template, "\n");
        if (controlCharacters.isPresent()) {
            return TemplateTrial.refused(controlCharacters.get());
        }
        MessageContext context = sampleContext(clinic, language);
        String sample;
        String lastSessionSample;
        try {
            sample = clinicSample(clinic, template, context);
            lastSessionSample = clinicSample(clinic, template, context.afterLastSession());
        } catch (ClinicTextRefused e) {
            return TemplateTrial.refused(e.getMessage());
        }
        TextFit fit = TextFit.of(sample);
        // Both sides of {#if treatmentContinues}, the one choice every clinic's texts make, must fit.
        TextFit lastSession = TextFit.of(lastSessionSample);
        TextFit longest = lastSession.segments() > fit.segments() ? lastSession : fit;
        if (!longest.fits()) {
            return new TemplateTrial(
                    sample,
                    fit,
                    List.of("takes %d SMS segments (%s, %d units) with long names; at most %d (%s)"
                            .formatted(
                                    longest.segments(),
                                    longest.encoding(),
                                    longest.units(),
                                    TextFit.MAX_SEGMENTS,
                                    longest.reason())));
        }
        List<String> breaches = planLinter.newBreaches(clinic, plan, stepKey, language, template).stream()
                .map(breach -> breach.rule() + ": " + breach.message())
                .toList();
        return new TemplateTrial(sample, fit, breaches);
    }

    /**
     * Sets the clinic's wording of a step, unless {@link #tryOut} refuses it: then a 400 with each refusal a reason
     * for the field {@code template}, and nothing stored.
     */
    @Transactional
    public TemplateView put(UUID clinicId, String stepKey, String language, String template) {
        TemplateTrial trial = tryOut(clinicId, stepKey, language, template);
        if (!trial.accepted()) {
            throw ProblemException.invalid(trial.refusals().stream()
                    .map(reason -> new FieldViolation("template", reason))
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
        changed.fire(new WordingChanged(clinicId));
        return new TemplateView(
                stepKey, language, template, true, trial.sample(), trial.fit(), override.updatedAt, null);
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
        changed.fire(new WordingChanged(clinicId));
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
     *
     * @throws ClinicTextRefused when the sandbox will not render it
     */
    private String clinicSample(Clinic clinic, String template, MessageContext context) {
        return ClientTexts.forSms(
                clinicTexts.tryOut(template, context, context.nextSessionDate()), clinic.smsTransliteration);
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
