package io.aftercare.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.sms.SmsSegments;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in plan's short texts (sent when the service has a public base URL) each fit in one GSM-7 segment with
 * long names in every branch, and the client's aftercare guide matches the plan. Both files are read as plain JSON:
 * the plan's parser does not know the {@code short} key on its own.
 */
class ShortTextsFitTest {

    // Longer than most real values, so that a text that fits here fits for nearly every clinic and client.
    private static final String CLINIC_NAME = "Northshore Scalp Micropigmentation";
    private static final String FIRST_NAME = "Maximilianne-Jo";
    private static final String CLINIC_PHONE = "+1 604 555 0199";
    private static final String PAGE_LINK = "https://care.example/a/AbCdEfGhIjKlMnOpQrStUv";
    private static final String FIRST_TEXT = "days-1-3";
    // The answer to an urgent reply spends its characters on the safety message; the link is optional there.
    private static final String URGENT_ANSWER = "urgent-answer";
    private static final JsonNode PLAN = read("plans/smp-aftercare.json");
    private static final JsonNode GUIDE = read("plans/aftercare-guide.json");
    private static final Engine QUTE = Engine.builder().addDefaults().build();

    static Stream<Arguments> everyShortTextInEveryBranch() {
        List<Arguments> texts = new ArrayList<>();
        for (JsonNode step : PLAN.get("steps")) {
            step.get("short").fieldNames().forEachRemaining(language -> {
                for (boolean treatmentContinues : List.of(true, false)) {
                    for (boolean clinicHasPhone : List.of(true, false)) {
                        texts.add(Arguments.of(step.get("key").asText(), language, treatmentContinues, clinicHasPhone));
                    }
                }
            });
        }
        return texts.stream();
    }

    @ParameterizedTest(name = "{0} in {1}, treatment continues: {2}, clinic phone: {3}")
    @MethodSource("everyShortTextInEveryBranch")
    void shouldFitInOneGsm7Segment(
            String stepKey, String language, boolean treatmentContinues, boolean clinicHasPhone) {
        String body = render(shortText(stepKey, language), treatmentContinues, clinicHasPhone);
        SmsSegments.Count count = SmsSegments.of(body);

        assertThat(PAGE_LINK).hasSize(45);
        assertThat(body)
                .doesNotContain("{", "}", "NOT_FOUND")
                .startsWith(CLINIC_NAME + ("fr".equals(language) ? " : " : ": "));
        assertThat(count.encoding()).as("encoding of: %s", body).isEqualTo(SmsSegments.Encoding.GSM_7);
        assertThat(count.segments()).as("segments of: %s", body).isEqualTo(1);
        assertThat(body.length()).as("length of: %s", body).isLessThanOrEqualTo(160);
        if (!stepKey.equals(URGENT_ANSWER)) {
            assertThat(body).contains(PAGE_LINK);
        }
    }

    @ParameterizedTest(name = "{0} in {1}, treatment continues: {2}, clinic phone: {3}")
    @MethodSource("everyShortTextInEveryBranch")
    void shouldSayHowToOptOutInTheFirstTextOnly(
            String stepKey, String language, boolean treatmentContinues, boolean clinicHasPhone) {
        String body = render(shortText(stepKey, language), treatmentContinues, clinicHasPhone);

        assertThat(body.contains("STOP")).as("says STOP: %s", body).isEqualTo(stepKey.equals(FIRST_TEXT));
    }

    @Test
    void shouldGiveEveryStepAShortTextInEachLanguageOfItsFullText() {
        for (JsonNode step : PLAN.get("steps")) {
            assertThat(step.has("short"))
                    .as("step %s has a short text", step.get("key"))
                    .isTrue();
            assertThat(fieldNames(step.get("short")))
                    .as("languages of step %s", step.get("key"))
                    .isEqualTo(fieldNames(step.get("messages")))
                    .contains("en", "fr");
        }
    }

    @Test
    void shouldDescribeTheSamePhasesInEveryLanguage() {
        JsonNode english = GUIDE.get("languages").get("en");
        assertThat(fieldNames(GUIDE.get("languages"))).containsExactlyInAnyOrder("en", "fr");

        for (String language : fieldNames(GUIDE.get("languages"))) {
            JsonNode guide = GUIDE.get("languages").get(language);
            assertThat(fieldNames(guide)).as("sections in %s", language).isEqualTo(fieldNames(english));
            assertThat(phaseSkeleton(guide)).as("phases in %s", language).isEqualTo(phaseSkeleton(english));
        }
    }

    @Test
    void shouldCoverTheDaysFromTheSessionOnWithoutGapsAndNameOnlyStepsOfThePlan() {
        Set<String> planSteps = new HashSet<>();
        PLAN.get("steps").forEach(step -> planSteps.add(step.get("key").asText()));
        int nextDay = 1;
        JsonNode phases = GUIDE.get("languages").get("en").get("phases");

        for (JsonNode phase : phases) {
            assertThat(phase.get("fromDay").asInt())
                    .as("phase %s starts", phase.get("key"))
                    .isEqualTo(nextDay);
            phase.get("steps").forEach(step -> assertThat(planSteps).contains(step.asText()));
            nextDay = phase.get("toDay").isNull() ? -1 : phase.get("toDay").asInt() + 1;
        }
        assertThat(nextDay).as("the last phase is open-ended").isEqualTo(-1);
    }

    @Test
    void shouldHoldPlainTextOnly() {
        List<String> texts = new ArrayList<>();
        collectTexts(GUIDE.get("languages"), texts);

        assertThat(texts)
                .isNotEmpty()
                .allSatisfy(text -> assertThat(text).isNotBlank().doesNotContain("<", ">", "**", "](", "&"));
    }

    private static String shortText(String stepKey, String language) {
        for (JsonNode step : PLAN.get("steps")) {
            if (step.get("key").asText().equals(stepKey)) {
                return step.get("short").get(language).asText();
            }
        }
        throw new AssertionError("no step " + stepKey);
    }

    private static String render(String template, boolean treatmentContinues, boolean clinicHasPhone) {
        TemplateInstance instance = QUTE.parse(template).instance();
        Map.of(
                        "clinicName", CLINIC_NAME,
                        "firstName", FIRST_NAME,
                        // As MessageContext gives it: an absent phone is an empty text.
                        "clinicPhone", clinicHasPhone ? CLINIC_PHONE : "",
                        "treatmentContinues", treatmentContinues,
                        "pageLink", PAGE_LINK)
                .forEach(instance::data);
        return instance.render().strip();
    }

    private static List<String> phaseSkeleton(JsonNode guide) {
        List<String> skeleton = new ArrayList<>();
        for (JsonNode phase : guide.get("phases")) {
            skeleton.add(phase.get("key").asText() + " " + phase.get("fromDay") + "-" + phase.get("toDay") + " "
                    + phase.get("steps"));
        }
        return skeleton;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> collectTexts(child, texts));
    }

    private static JsonNode read(String resource) {
        try (InputStream json = ShortTextsFitTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(json).as(resource).isNotNull();
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
