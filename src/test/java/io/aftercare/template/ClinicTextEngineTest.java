package io.aftercare.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aftercare.plan.MessageContext;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A clinic's text is data: the values it may name, an {@code {#if}}, and nothing that runs. */
class ClinicTextEngineTest {

    private static final LocalDate STEP_DATE = LocalDate.of(2026, 11, 5);
    private static final MessageContext SAM = new MessageContext(
            "Sam",
            "Test Clinic",
            "+16045550100",
            true,
            Locale.ENGLISH,
            LocalDate.of(2026, 11, 2),
            LocalDate.of(2026, 11, 12));

    private final ClinicTextEngine engine = new ClinicTextEngine();

    @Test
    void shouldRenderEveryValueATextMayName() {
        String text = engine.render(
                "{clinicName}: Hi {firstName}, call {clinicPhone}. Session {sessionDate}, next "
                        + "{nextSessionDate}, today {stepDate}.",
                SAM,
                STEP_DATE);

        assertThat(text)
                .isEqualTo("Test Clinic: Hi Sam, call +16045550100. Session November 2, next November 12, "
                        + "today November 5.");
    }

    @Test
    void shouldRenderConditionalsOnValues() {
        String template = "{#if clinicPhone}Call {clinicPhone}.{#else}Reply here.{/if}"
                + "{#if !treatmentContinues} All done.{/if}{#if firstName == 'Sam'} Hi Sam.{/if}";

        assertThat(engine.render(template, SAM, STEP_DATE)).isEqualTo("Call +16045550100. Hi Sam.");
        assertThat(engine.render(
                        template,
                        new MessageContext(
                                "Ann",
                                "Test Clinic",
                                null,
                                false,
                                Locale.ENGLISH,
                                LocalDate.of(2026, 11, 2),
                                LocalDate.of(2026, 11, 12)),
                        STEP_DATE))
                .isEqualTo("Reply here. All done.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Hi {firstName} {config:['aftercare.admin.api-key']}",
                "{config:aftercare.twilio.auth-token}",
                "{config:property('quarkus.datasource.password')}",
                "{str:concat('a', 'b')}",
                "{time:format(sessionDate, 'yyyy')}",
                "{inject:plans}",
                "{cdi:clock}",
                "{firstName.repeat(2000000000)}",
                "{firstName.bytes}",
                "{firstName.length}",
                "{#if firstName.length > 15}a long text{/if}",
                "{firstName.getClass().getName()}",
                "{firstName ?: 'friend'}",
                "{firstName or 'friend'}",
                "{#for i in 10000}{#for j in 1000}{/for}{/for}",
                "{#each 1000}x{/each}",
                "{#let x=firstName}{x}{/let}",
                "{#include other /}",
                "{#insert}x{/insert}",
                "{#when firstName}{#is 'Sam'}x{/when}",
                "{#fragment id=x}y{/fragment}",
                "{#eval firstName /}",
                "{appointmentTime}",
                "{data:firstName}",
                "{#if}x{/if}",
                "{#if clinicPhone}unclosed",
                // Found by review: Qute's own parser recurses without end, or fills the heap, on these conditions.
                "{#if 1 == 1 == 1 == 1 == 1 && 1}x{/if}",
                "{#if 1 1 == 1 == 1 == 1 && 1}x{/if}",
                "{#if 1 == 1 == 1 == 1 && 1}x{/if}",
                "{#if firstName != 1 != 1 == && !}x{/if}",
                "{#if clinicName clinicName == 1 == 1 == 1 && 1}x{/if}",
                "{#if firstName == clinicName == stepDate == sessionDate && clinicPhone}x{/if}",
                // ...throws number or index exceptions of its own on these,
                "{#if firstName == 1}x{/if}",
                "{#if stepDate gt 1}x{/if}",
                "{#if 1 gt 'abc'}x{/if}",
                "{#if > != !}x{/if}",
                "{x':n = '}",
                "{9999999999}",
                // ...and spends time and memory on nested arguments before any expression can be refused.
                "{firstName(clinicName(stepDate(1)))}",
                "{#if ()}x{/if}",
                "{#if ! !}x{/if}",
                "{! a comment !}",
                "{|unparsed|}",
                "\\{firstName}",
                "a stray } brace",
                "{#if firstName}{#if clinicName}{#if clinicPhone}{#if stepDate}deep{/if}{/if}{/if}{/if}",
                "{#if firstName}a{#else}b{#else}c{/if}",
                "{/if}",
            })
    void shouldRefuseAnythingButValuesAndConditionals(String template) {
        assertThatThrownBy(() -> engine.tryOut(template, SAM, STEP_DATE))
                .isInstanceOf(ClinicTextRefused.class)
                .hasMessageStartingWith("does not render");
        assertThatThrownBy(() -> engine.render(template, SAM, STEP_DATE)).isInstanceOf(ClinicTextRefused.class);
    }

    @Test
    void shouldRefuseArgumentsNestedDeepBeforeQuteParsesThem() {
        String nested = "{" + "a(".repeat(332) + "1" + ")".repeat(332) + "}";

        assertThatThrownBy(() -> engine.tryOut(nested, SAM, STEP_DATE)).isInstanceOf(ClinicTextRefused.class);
    }

    @Test
    void shouldAllowTheConditionsItsGrammarNames() {
        String template = "{#if firstName == 'Sam' && clinicPhone}A{#else if !treatmentContinues || clinicPhone != ''}B"
                + "{#else}C{/if}{#if clinicName != firstName}{#if treatmentContinues}{#if stepDate}!{/if}{/if}{/if}";

        assertThat(engine.render(template, SAM, STEP_DATE)).isEqualTo("A!");
        assertThat(engine.render(template, SAM.withFirstName("Ann").afterLastSession(), STEP_DATE))
                .isEqualTo("B");
    }

    @Test
    void shouldStopRenderingAtTheOutputLimit() {
        String template = "{firstName}".repeat(40) + "x".repeat(500);
        MessageContext longName = SAM.withFirstName("N".repeat(60));

        assertThat(template).hasSizeLessThanOrEqualTo(ClinicTextEngine.MAX_TEMPLATE_LENGTH);
        assertThatThrownBy(() -> engine.render(template, longName, STEP_DATE))
                .isInstanceOf(ClinicTextRefused.class)
                .hasMessageContaining("more than " + ClinicTextEngine.MAX_OUTPUT_LENGTH);
        assertThat(engine.render(template, SAM, STEP_DATE)).hasSize(620);
    }

    @Test
    void shouldRefuseATemplateLongerThanAClinicMayWrite() {
        assertThatThrownBy(() -> engine.tryOut("x".repeat(ClinicTextEngine.MAX_TEMPLATE_LENGTH + 1), SAM, STEP_DATE))
                .isInstanceOf(ClinicTextRefused.class)
                .hasMessageContaining("at most");
    }

    @Test
    void shouldKeepABoundedNumberOfParsedTemplates() {
        for (int i = 0; i < 5_000; i++) {
            engine.render("Text number " + i + " for {firstName}", SAM, STEP_DATE);
            try {
                engine.render("{firstName.repeat(" + i + ")}", SAM, STEP_DATE);
            } catch (ClinicTextRefused expected) {
                // refused templates are never kept
            }
        }

        assertThat(engine.cachedTemplates()).isLessThanOrEqualTo(ClinicTextEngine.MOST_CACHED_TEMPLATES);
    }
}
