package io.aftercare.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.plan.MessageContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever a clinic writes, rendering it is refused or bounded, and never shows configuration. */
class ClinicTextPropertiesTest {

    private static final String CANARY = "canary-secret-0123456789abcdef";
    private static final List<String> SECRET_PROPERTIES = List.of(
            "aftercare.admin.api-key",
            "aftercare.twilio.auth-token",
            "aftercare.bootstrap.api-key",
            "quarkus.datasource.password");
    private static final MessageContext LONGEST_NAME = new MessageContext(
            "N".repeat(60),
            "Test Clinic",
            "+16045550100",
            true,
            Locale.ENGLISH,
            LocalDate.of(2026, 11, 2),
            LocalDate.of(2026, 11, 12));

    private final ClinicTextEngine engine = new ClinicTextEngine();

    @BeforeContainer
    static void putSecretsWhereATemplateEngineCouldReadThem() {
        SECRET_PROPERTIES.forEach(name -> System.setProperty(name, CANARY));
    }

    @AfterContainer
    static void removeSecrets() {
        SECRET_PROPERTIES.forEach(System::clearProperty);
    }

    @Property(tries = 3000)
    void shouldRefuseOrRenderWithinTheLimitAndNeverShowConfiguration(@ForAll("templates") String template) {
        String text;
        try {
            text = engine.render(template, LONGEST_NAME, LocalDate.of(2026, 11, 5));
        } catch (ClinicTextRefused refused) {
            // A 400 naming the template: the only way a clinic's text may fail.
            return;
        }
        assertThat(text.length()).isLessThanOrEqualTo(ClinicTextEngine.MAX_OUTPUT_LENGTH);
        assertThat(text).doesNotContain(CANARY).doesNotContain(System.getenv().getOrDefault("PATH", CANARY));
    }

    @Provide
    Arbitrary<String> templates() {
        Arbitrary<String> fragments = Arbitraries.oneOf(
                Arbitraries.of(
                        "{",
                        "}",
                        "{#if ",
                        "{#if firstName}",
                        "{/if}",
                        "{#else}",
                        "{/}",
                        "{#for i in 1000}",
                        "{/for}",
                        "{#each 99}",
                        "{#let a=firstName}",
                        "{#include x /}",
                        "config:",
                        "str:",
                        "time:",
                        "inject:",
                        "['aftercare.admin.api-key']",
                        "property('quarkus.datasource.password')",
                        "firstName",
                        "clinicName",
                        "clinicPhone",
                        "treatmentContinues",
                        "stepDate",
                        ".repeat(9999)",
                        ".length",
                        ".bytes",
                        " > 15",
                        " == 'Sam'",
                        "!",
                        "?:",
                        " or ",
                        "'",
                        "\"",
                        "(",
                        ")",
                        "{!",
                        "!}",
                        "{[",
                        "]}",
                        "{@java.lang.String x}",
                        "{firstName}",
                        "{config:['aftercare.twilio.auth-token']}",
                        "Hi ",
                        ", rinse gently. ",
                        "\n",
                        "é",
                        "💧",
                        "\\",
                        " == 1",
                        " == ",
                        " && ",
                        " || ",
                        " 1",
                        " gt ",
                        "a(",
                        "9999999999"),
                Arbitraries.strings().ofMaxLength(12));
        return fragments
                .list()
                .ofMaxSize(80)
                .map(parts -> String.join("", parts))
                .filter(text -> text.length() <= ClinicTextEngine.MAX_TEMPLATE_LENGTH);
    }
}
