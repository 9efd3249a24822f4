package io.aftercare.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.sms.SmsSegments;
import io.quarkus.qute.Engine;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in text, in every language and variant, fits in two SMS segments even with long names. */
class PlanTextsTest {

    // Longer than most real names, so that a text that fits here fits for nearly every client and clinic.
    private static final String LONG_FIRST_NAME = "Maximilianne-Jo";
    private static final String LONG_CLINIC_NAME = "Northshore Scalp Pigment Studio";
    private static final AftercarePlan PLAN = Plans.builtIn();
    private static final MessageRenderer RENDERER =
            new MessageRenderer(Engine.builder().addDefaults().build(), false);

    static Stream<Arguments> everyText() {
        return PLAN.steps().stream()
                .flatMap(step -> PLAN.languages().stream()
                        .flatMap(language -> Stream.of(true, false)
                                .map(continues -> Arguments.of(step.key(), language, continues))));
    }

    @ParameterizedTest(name = "{0} in {1}, treatment continues: {2}")
    @MethodSource("everyText")
    void shouldFitInTwoSegments(String stepKey, String language, boolean treatmentContinues) {
        PlanStep step = PLAN.steps().stream()
                .filter(s -> s.key().equals(stepKey))
                .findFirst()
                .orElseThrow();
        Locale locale = Locale.forLanguageTag(language);
        MessageContext sample = MessageContext.sample(locale, LONG_CLINIC_NAME, "+16045550100");
        MessageContext context = new MessageContext(
                LONG_FIRST_NAME,
                LONG_CLINIC_NAME,
                "+16045550100",
                treatmentContinues,
                locale,
                sample.sessionDate(),
                sample.nextSessionDate());
        String text = RENDERER.render(PLAN, step, context, sample.nextSessionDate());

        assertThat(text).contains(LONG_FIRST_NAME).doesNotContain("{");
        assertThat(SmsSegments.of(text).segments()).as("segments of: %s", text).isLessThanOrEqualTo(2);
    }
}
