package io.aftercare.template;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.aftercare.problem.FieldViolation;
import io.aftercare.problem.ProblemException;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Trying a wording out gives the verdict saving it enforces, and stores nothing. */
@AftercareTest
class TemplateTrialTest {

    @Inject
    Templates templates;

    static Stream<Arguments> refusedWordings() {
        return Stream.of(
                Arguments.of("day-4", "{clinicName}: {firstName}, " + "rinse gently, pat it dry. ".repeat(12)),
                Arguments.of("days-1-3", "{clinicName}: Hi {firstName}, keep your scalp dry for the next 3 days."),
                Arguments.of("day-4", "{clinicName}: {config:aftercare.twilio.auth-token}"),
                Arguments.of("day-4", "{#for i in firstName}{i}{/for}"),
                Arguments.of("day-4", "  "),
                Arguments.of("day-4", "{clinicName}: rinse\u0007 gently"));
    }

    @ParameterizedTest
    @MethodSource("refusedWordings")
    void shouldRefuseWhatSavingRefusesForTheSameReasonsWithoutStoringIt(String step, String wording) {
        UUID clinicId = testClinicId();

        TemplateTrial trial = templates.tryOut(clinicId, step, "en", wording);

        assertThat(trial.accepted()).isFalse();
        assertThat(templates.get(clinicId, step, "en").overridden()).isFalse();
        ProblemException refused =
                catchThrowableOfType(() -> templates.put(clinicId, step, "en", wording), ProblemException.class);
        assertThat(refused).as("saving is refused as the trial was").isNotNull();
        assertThat(refused.problem().errors()).extracting(FieldViolation::field).containsOnly("template");
        assertThat(refused.problem().errors())
                .extracting(FieldViolation::reason)
                .isEqualTo(trial.refusals());
        assertThat(templates.get(clinicId, step, "en").overridden()).isFalse();
    }

    @Test
    void shouldSayHowManySegmentsAWordingTooLongTakes() {
        TemplateTrial trial = templates.tryOut(
                testClinicId(), "day-4", "en", "{clinicName}: {firstName}, " + "rinse gently, pat it dry. ".repeat(12));

        assertThat(trial.refusals()).singleElement().asString().startsWith("takes 3 SMS segments (GSM_7");
        assertThat(trial.sample()).startsWith("Test Clinic: Maximilianne-Jo, rinse gently");
        assertThat(trial.fit().segments()).isEqualTo(3);
    }

    @Test
    void shouldAnswerWhatSavingAnswersForAnAcceptedWordingAndStoreNothing() {
        UUID clinicId = testClinicId();
        String wording = "{clinicName}: Hi {firstName}, rinse gently with warm water from {stepDate}.";

        TemplateTrial trial = templates.tryOut(clinicId, "day-4", "en", wording);

        assertThat(trial.refusals()).isEmpty();
        assertThat(templates.get(clinicId, "day-4", "en").overridden()).isFalse();
        TemplateView saved = templates.put(clinicId, "day-4", "en", wording);
        assertThat(saved.sample()).isEqualTo(trial.sample()).startsWith("Test Clinic: Hi Maximilianne-Jo, rinse");
        assertThat(saved.fit()).isEqualTo(trial.fit());
    }

    @Test
    void shouldAnswer404ForAStepOrLanguageThePlanDoesNotHave() {
        UUID clinicId = testClinicId();

        assertThat(catchThrowableOfType(
                                () -> templates.tryOut(clinicId, "day-99", "en", "{firstName}"), ProblemException.class)
                        .problem()
                        .status())
                .isEqualTo(404);
        assertThat(catchThrowableOfType(
                                () -> templates.tryOut(clinicId, "day-4", "de", "{firstName}"), ProblemException.class)
                        .problem()
                        .status())
                .isEqualTo(404);
    }

    private static UUID testClinicId() {
        return UUID.fromString(given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic")
                .then()
                .statusCode(200)
                .extract()
                .path("id"));
    }
}
