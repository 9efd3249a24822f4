package io.aftercare.plan.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.plan.AftercarePlan;
import io.aftercare.plan.PlanStep;
import io.aftercare.plan.QuietHours;
import io.aftercare.plan.StepAudience;
import io.aftercare.plan.StepTiming;
import io.aftercare.sms.SmsSegments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanLinterTest {

    private static final String FIRST =
            "{clinicName}: Hi {firstName}, keep your scalp dry for 3 days. Reply STOP to opt out.";
    private static final String FIRST_FR =
            "{clinicName} : Bonjour {firstName}, gardez le cuir chevelu sec 3 jours. Répondez STOP pour vous désinscrire.";
    private static final String LATER = "{clinicName}: Hi {firstName}, rinse gently with warm water from today.";

    /** As long as a client's page link on a 20-character host: 45 characters. */
    private static final String LINK = "https://care.example/a/" + "x".repeat(22);

    private final PlanLinter linter = PlanLinter.forPlanTexts();

    @Test
    void shouldFindNothingInAPlanThatKeepsEveryRule() {
        PlanLint lint = linter.lint(
                plan(step("first", "PT0S", FIRST, FIRST_FR), step("day-4", "day 4 at 09:00", LATER, LATER)),
                Map.of(),
                Optional.of(QuietHours.DEFAULT),
                Optional.empty());

        assertThat(lint.findings()).isEmpty();
        assertThat(lint.clean()).isTrue();
        assertThat(lint.texts())
                .extracting(LintedText::step, LintedText::language)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("first", "en"),
                        org.assertj.core.groups.Tuple.tuple("first", "fr"),
                        org.assertj.core.groups.Tuple.tuple("day-4", "en"),
                        org.assertj.core.groups.Tuple.tuple("day-4", "fr"));
        assertThat(lint.texts()).allSatisfy(text -> {
            assertThat(text.encoding()).isEqualTo(SmsSegments.Encoding.GSM_7);
            assertThat(text.forcingUcs2()).isEmpty();
            assertThat(text.segments()).isEqualTo(1);
        });
    }

    @Test
    void shouldRenderWithLongNamesInEveryLanguage() {
        PlanLint lint = linter.lint(plan(step("first", "PT0S", FIRST, FIRST_FR)));

        String english = "Northshore Scalp Micropigmentation: Hi Maximilianne-Jo, keep your scalp dry for 3 days."
                + " Reply STOP to opt out.";
        LintedText text = only(lint.texts(), "first", "en");
        assertThat(text.characters()).isEqualTo(english.length());
        assertThat(text.units()).isEqualTo(english.length());
    }

    @Test
    void shouldNameAValueATextCannotMention() {
        PlanLint lint = linter.lint(plan(step("first", "PT0S", FIRST + " {surname} {config:secret}", FIRST_FR)));

        assertThat(rules(lint, "first", "en")).containsExactly(LintRule.UNKNOWN_VALUE);
        assertThat(message(lint, LintRule.UNKNOWN_VALUE)).contains("{surname}", "{config:secret}");
        assertThat(rules(lint, "first", "fr")).isEmpty();
    }

    @Test
    void shouldReportATextThatDoesNotRender() {
        PlanLint lint = linter.lint(plan(step("first", "PT0S", FIRST + " {#if firstName}unclosed", FIRST_FR)));

        assertThat(rules(lint, "first", "en")).containsExactly(LintRule.DOES_NOT_RENDER);
    }

    @Test
    void shouldReportATextOverOneHundredSixtyCharactersAndItsSegments() {
        String longer = FIRST + " No washing, no shaving, no sweating, and no pool, sauna or steam room either.";

        PlanLint lint = linter.lint(plan(step("first", "PT0S", longer, FIRST_FR)));

        assertThat(rules(lint, "first", "en"))
                .containsExactlyInAnyOrder(LintRule.TOO_LONG, LintRule.MORE_THAN_ONE_SEGMENT);
        assertThat(only(lint.texts(), "first", "en").segments()).isEqualTo(2);
        assertThat(rules(lint, "first", "fr")).isEmpty();
    }

    @Test
    void shouldSayWhichCharactersForcedUcs2() {
        String curly = "{clinicName}: Hi {firstName}, it’s day 4 — rinse gently. Reply STOP to opt out.";

        PlanLint lint = linter.lint(plan(step("first", "PT0S", curly, FIRST_FR)));

        LintedText text = only(lint.texts(), "first", "en");
        assertThat(text.encoding()).isEqualTo(SmsSegments.Encoding.UCS_2);
        assertThat(text.forcingUcs2()).containsExactly("’", "—");
        assertThat(text.characters()).isLessThanOrEqualTo(160);
        assertThat(rules(lint, "first", "en")).containsExactly(LintRule.MORE_THAN_ONE_SEGMENT);
        assertThat(message(lint, LintRule.MORE_THAN_ONE_SEGMENT)).contains("UCS-2 because of ’ —");
    }

    @Test
    void shouldAskForOptOutWordingInTheFirstTextOnly() {
        PlanLint lint = linter.lint(plan(
                step("day-4", "day 4 at 09:00", LATER, LATER),
                step("first", "PT0S", "{clinicName}: Hi {firstName}, keep it dry.", FIRST_FR)));

        assertThat(lint.findings())
                .extracting(LintFinding::step, LintFinding::language, LintFinding::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first", "en", LintRule.NO_OPT_OUT));
    }

    @Test
    void shouldAskForOptOutWordingWhateverBranchTheTextTakes() {
        String onlyWhenContinuing =
                "{clinicName}: Hi {firstName}, keep it dry.{#if treatmentContinues} Reply STOP to" + " opt out.{/if}";

        PlanLint lint = linter.lint(plan(step("first", "PT0S", onlyWhenContinuing, FIRST_FR)));

        assertThat(rules(lint, "first", "en")).containsExactly(LintRule.NO_OPT_OUT);
    }

    @Test
    void shouldReportTwoTextsOnOneDay() {
        PlanLint lint = linter.lint(
                plan(step("first", "PT0S", FIRST, FIRST_FR), step("evening", "day 1 at 23:59", LATER, LATER)));

        assertThat(lint.findings())
                .extracting(LintFinding::step, LintFinding::language, LintFinding::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("evening", null, LintRule.TOO_MANY_A_DAY));
    }

    @Test
    void shouldReportTwoTextsOnOneDayOnceQuietHoursMovedTheFirst() {
        AftercarePlan plan =
                plan(step("first", "PT0S", FIRST, FIRST_FR), step("day-2", "day 2 at 09:00", LATER, LATER));

        assertThat(linter.lint(plan).findings()).isEmpty();
        PlanLint quiet = linter.lint(plan, Map.of(), Optional.of(QuietHours.DEFAULT), Optional.empty());

        assertThat(quiet.findings()).extracting(LintFinding::rule).containsExactly(LintRule.TOO_MANY_A_DAY);
        assertThat(message(quiet, LintRule.TOO_MANY_A_DAY)).contains("day 2", "session ending at 21:00");
    }

    @Test
    void shouldReportAFourthTextWithinSevenDays() {
        PlanLint lint = linter.lint(plan(
                step("first", "PT0S", FIRST, FIRST_FR),
                step("day-3", "day 3 at 09:00", LATER, LATER),
                step("day-5", "day 5 at 09:00", LATER, LATER),
                step("day-7", "day 7 at 09:00", LATER, LATER)));

        assertThat(lint.findings())
                .extracting(LintFinding::step, LintFinding::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("day-7", LintRule.TOO_MANY_A_WEEK));
    }

    @Test
    void shouldAllowAFourthTextOnTheEighthDay() {
        PlanLint lint = linter.lint(plan(
                step("first", "PT0S", FIRST, FIRST_FR),
                step("day-3", "day 3 at 09:00", LATER, LATER),
                step("day-5", "day 5 at 09:00", LATER, LATER),
                step("day-8", "day 8 at 09:00", LATER, LATER)));

        assertThat(lint.findings()).isEmpty();
    }

    @Test
    void shouldNotCountTheAnswerToAnUrgentReply() {
        PlanStep urgent = new PlanStep(
                AftercarePlan.URGENT_ANSWER,
                StepTiming.parse("PT0S"),
                Optional.empty(),
                StepAudience.URGENT_REPLY,
                false,
                Map.of("en", "{clinicName}: call us today.", "fr", "{clinicName} : appelez-nous."));

        PlanLint lint = linter.lint(plan(urgent, step("first", "PT0S", FIRST, FIRST_FR)));

        assertThat(lint.findings()).isEmpty();
    }

    @Test
    void shouldReportAStepDueInsideQuietHours() {
        AftercarePlan plan =
                plan(step("first", "PT0S", FIRST, FIRST_FR), step("early", "day 4 at 07:30", LATER, LATER));

        assertThat(linter.lint(plan).findings()).isEmpty();
        PlanLint lint = linter.lint(plan, Map.of(), Optional.of(QuietHours.DEFAULT), Optional.empty());

        assertThat(lint.findings())
                .extracting(LintFinding::step, LintFinding::language, LintFinding::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("early", null, LintRule.IN_QUIET_HOURS));
        assertThat(message(lint, LintRule.IN_QUIET_HOURS)).contains("21:00-08:00");
    }

    @Test
    void shouldLintAClinicsWordingInsteadOfThePlans() {
        String wording = "{clinicName}: Hi {firstName}, keep it dry, no washing, no shaving, no sweat, no pool, no"
                + " sauna, no steam, no sun, no tanning, no touching, no scratching. Reply STOP to opt out.";
        PlanLinter withWordings = PlanLinter.forClinicWordings(new PlanLinter.PlanTextRenderer());

        PlanLint lint = withWordings.lint(
                plan(step("first", "PT0S", FIRST, FIRST_FR)),
                Map.of("first", Map.of("fr", wording)),
                Optional.empty(),
                Optional.empty());

        assertThat(rules(lint, "first", "fr"))
                .containsExactlyInAnyOrder(LintRule.TOO_LONG, LintRule.MORE_THAN_ONE_SEGMENT);
        assertThat(rules(lint, "first", "en")).isEmpty();
    }

    @Test
    void shouldNeverRenderAClinicsWordingWithThePlansOwnEngine() {
        String loop = "{#for i in 100000000}x{/for}";

        PlanLint lint = linter.lint(
                plan(step("first", "PT0S", FIRST, FIRST_FR)),
                Map.of("first", Map.of("en", loop)),
                Optional.empty(),
                Optional.empty());

        assertThat(rules(lint, "first", "en")).containsExactly(LintRule.DOES_NOT_RENDER);
        assertThat(message(lint, LintRule.DOES_NOT_RENDER)).contains("sandbox");
    }

    @Test
    void shouldLintEachStepsShortFormWithThePageLinkWhileClientsHavePages() {
        PlanStep first = withShort(
                step("first", "PT0S", FIRST + " " + "Keep it dry, no washing or shaving. ".repeat(3), FIRST_FR),
                "{clinicName}: Keep your scalp dry for 3 days. {pageLink} Reply STOP to opt out",
                "{clinicName} : 3 jours au sec. {pageLink} STOP pour vous désinscrire");
        AftercarePlan plan = plan(first, step("day-4", "day 4 at 09:00", LATER, LATER));

        PlanLint full = linter.lint(plan, Map.of(), Optional.empty(), Optional.empty());
        PlanLint withPages = linter.lint(plan, Map.of(), Optional.empty(), Optional.of(LINK));

        assertThat(rules(full, "first", "en"))
                .containsExactlyInAnyOrder(LintRule.TOO_LONG, LintRule.MORE_THAN_ONE_SEGMENT);
        assertThat(withPages.findings()).isEmpty();
        String english = "Northshore Scalp Micropigmentation: Keep your scalp dry for 3 days. " + LINK
                + " Reply STOP to opt out";
        assertThat(only(withPages.texts(), "first", "en").characters()).isEqualTo(english.length());
        // A step without a short form keeps its full text.
        assertThat(only(withPages.texts(), "day-4", "en").characters())
                .isEqualTo(only(full.texts(), "day-4", "en").characters());
    }

    @Test
    void shouldCountThePageLinkInAShortFormsLength() {
        String fitsWithoutTheLink = "{clinicName}: Hi {firstName}, keep your scalp fully dry for 3 days, no washing,"
                + " no shaving, no sweating. Reply STOP to opt out. {pageLink}";
        AftercarePlan plan = plan(withShort(step("first", "PT0S", FIRST, FIRST_FR), fitsWithoutTheLink, FIRST_FR));

        PlanLint lint = linter.lint(plan, Map.of(), Optional.empty(), Optional.of(LINK));

        assertThat(only(lint.texts(), "first", "en").characters()).isGreaterThan(160);
        assertThat(rules(lint, "first", "en"))
                .containsExactlyInAnyOrder(LintRule.TOO_LONG, LintRule.MORE_THAN_ONE_SEGMENT);
        assertThat(rules(lint, "first", "fr")).isEmpty();
    }

    @Test
    void shouldLintAClinicsWordingRatherThanTheShortForm() {
        AftercarePlan plan = plan(withShort(
                step("first", "PT0S", FIRST, FIRST_FR),
                "{clinicName}: Dry for 3 days. {pageLink} Reply STOP",
                FIRST_FR));
        PlanLinter withWordings = PlanLinter.forClinicWordings(new PlanLinter.PlanTextRenderer());

        PlanLint lint = withWordings.lint(
                plan,
                Map.of("first", Map.of("en", "{clinicName}: keep it dry. {pageLink}")),
                Optional.empty(),
                Optional.of(LINK));

        assertThat(rules(lint, "first", "en")).containsExactly(LintRule.NO_OPT_OUT);
    }

    private static AftercarePlan plan(PlanStep... steps) {
        return new AftercarePlan("test-1", "en", AftercarePlan.DEFAULT_SESSION_SPACING, List.of(steps));
    }

    private static PlanStep step(String key, String due, String english, String french) {
        return new PlanStep(
                key,
                StepTiming.parse(due),
                Optional.empty(),
                StepAudience.EVERY_SESSION,
                false,
                Map.of("en", english, "fr", french));
    }

    private static PlanStep withShort(PlanStep step, String english, String french) {
        return new PlanStep(
                step.key(),
                step.due(),
                step.validFor(),
                step.audience(),
                step.optional(),
                step.messages(),
                Map.of("en", english, "fr", french));
    }

    private static List<LintRule> rules(PlanLint lint, String step, String language) {
        List<LintRule> rules = new ArrayList<>();
        lint.findings().stream()
                .filter(finding -> finding.step().equals(step) && language.equals(finding.language()))
                .forEach(finding -> rules.add(finding.rule()));
        return rules;
    }

    private static String message(PlanLint lint, LintRule rule) {
        return lint.findings().stream()
                .filter(finding -> finding.rule() == rule)
                .findFirst()
                .orElseThrow()
                .message();
    }

    private static LintedText only(List<LintedText> texts, String step, String language) {
        return texts.stream()
                .filter(text -> text.step().equals(step) && text.language().equals(language))
                .findFirst()
                .orElseThrow();
    }
}
