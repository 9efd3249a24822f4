package io.aftercare.template;

import io.aftercare.clinic.Clinic;
import io.aftercare.pagelink.PageLinks;
import io.aftercare.plan.AftercarePlan;
import io.aftercare.plan.InvalidPlan;
import io.aftercare.plan.Plans;
import io.aftercare.plan.lint.LintFinding;
import io.aftercare.plan.lint.LintRule;
import io.aftercare.plan.lint.PlanLint;
import io.aftercare.plan.lint.PlanLinter;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Lints a plan for one clinic: the plan in force with the clinic's own wordings, or a plan the clinic posts, each with
 * the clinic's quiet hours, and the short texts with a sample link while clients have pages. What a clinic wrote or
 * posted is rendered only by the clinic-text sandbox.
 */
@ApplicationScoped
public class ClinicPlanLinter {

    /** Steps of a posted plan: far more than any aftercare has, few enough that linting one stays cheap. */
    static final int MOST_POSTED_STEPS = 50;

    /** Languages of one step of a posted plan. */
    static final int MOST_POSTED_LANGUAGES = 20;

    private static final String POSTED = "posted to /v1/plan/lint";

    private final Plans plans;
    private final ClinicTextEngine clinicTexts;
    private final PageLinks pageLinks;

    ClinicPlanLinter(Plans plans, ClinicTextEngine clinicTexts, PageLinks pageLinks) {
        this.plans = plans;
        this.clinicTexts = clinicTexts;
        this.pageLinks = pageLinks;
    }

    /** The plan in force, with the clinic's own wordings and quiet hours. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanLintView lintInForce(UUID clinicId) {
        Clinic clinic = Clinic.findById(clinicId);
        AftercarePlan plan = plans.current();
        PlanLinter linter = PlanLinter.forClinicWordings(new SandboxRenderer(clinicTexts, clinic.smsTransliteration));
        PlanLint lint = linter.lint(plan, wordings(clinicId), clinic.quietHours(), pageLinks.sample());
        return PlanLintView.of(plan.version(), pageLinks.enabled(), linter.profile(), lint);
    }

    /**
     * A plan the clinic posted, as JSON, with the clinic's quiet hours.
     *
     * @throws ProblemException a 400 naming the field of the JSON at fault
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanLintView lintPosted(UUID clinicId, byte[] json) {
        Clinic clinic = Clinic.findById(clinicId);
        AftercarePlan plan = posted(json);
        PlanLinter linter = PlanLinter.forPostedPlan(new SandboxRenderer(clinicTexts, clinic.smsTransliteration));
        PlanLint lint = linter.lint(plan, Map.of(), clinic.quietHours(), pageLinks.sample());
        return PlanLintView.of(plan.version(), pageLinks.enabled(), linter.profile(), lint);
    }

    /**
     * What a clinic's new wording of a step breaks that the plan's own text of that step and language does not: each a
     * reason to refuse it. Timing findings are the step's, whatever its wording, so none of them is a reason.
     */
    List<LintFinding> newBreaches(Clinic clinic, AftercarePlan plan, String step, String language, String wording) {
        Map<String, Map<String, String>> wordings = wordings(clinic.id);
        wordings.computeIfAbsent(step, key -> new HashMap<>()).put(language, wording);
        PlanLint withWording = PlanLinter.forClinicWordings(new SandboxRenderer(clinicTexts, clinic.smsTransliteration))
                .lint(plan, wordings, clinic.quietHours(), pageLinks.sample());
        PlanLint planOwn = PlanLinter.forPlanTexts().lint(plan, Map.of(), clinic.quietHours(), pageLinks.sample());
        Set<LintRule> planBreaks =
                of(planOwn, step, language).stream().map(LintFinding::rule).collect(Collectors.toSet());
        return of(withWording, step, language).stream()
                .filter(finding -> !planBreaks.contains(finding.rule()))
                .toList();
    }

    private static List<LintFinding> of(PlanLint lint, String step, String language) {
        return lint.findings().stream()
                .filter(finding -> finding.step().equals(step) && language.equals(finding.language()))
                .toList();
    }

    /** The clinic's own wordings, by step and language; mutable, for a wording being tried out. */
    private static Map<String, Map<String, String>> wordings(UUID clinicId) {
        Map<String, Map<String, String>> wordings = new HashMap<>();
        for (TemplateOverride override : TemplateOverride.forClinic(clinicId)) {
            wordings.computeIfAbsent(override.step, key -> new HashMap<>()).put(override.language, override.template);
        }
        return wordings;
    }

    private static AftercarePlan posted(byte[] json) {
        AftercarePlan plan;
        try {
            plan = Plans.parse(new ByteArrayInputStream(json), POSTED);
        } catch (InvalidPlan e) {
            throw e.field()
                    .map(field -> ProblemException.invalid(field, e.reason()))
                    .orElseGet(() -> new ProblemException(ProblemType.MALFORMED_BODY, "The plan " + e.reason()));
        }
        if (plan.steps().size() > MOST_POSTED_STEPS) {
            throw ProblemException.invalid("steps", "must hold at most " + MOST_POSTED_STEPS + " steps");
        }
        for (int i = 0; i < plan.steps().size(); i++) {
            var step = plan.steps().get(i);
            if (step.messages().size() > MOST_POSTED_LANGUAGES) {
                throw ProblemException.invalid(
                        "steps[" + i + "].messages", "must hold at most " + MOST_POSTED_LANGUAGES + " languages");
            }
            if (step.shortMessages().size() > MOST_POSTED_LANGUAGES) {
                throw ProblemException.invalid(
                        "steps[" + i + "].short", "must hold at most " + MOST_POSTED_LANGUAGES + " languages");
            }
        }
        return plan;
    }
}
