package io.aftercare.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A plan's JSON that does not make a plan names the field at fault by its JSON path, whatever is wrong with it. */
class PlanFileTest {

    private static final String STEP = "{\"key\": \"first\", \"due\": \"PT0S\", \"messages\": {\"en\": \"Hi.\"}}";

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"defaultLanguage": "en", "steps": [STEP]}                                      | version                     | is required
            {"version": " ", "defaultLanguage": "en", "steps": [STEP]}                      | version                     | is required
            {"version": "1", "defaultLanguage": "English", "steps": [STEP]}                 | defaultLanguage             | language code
            {"version": "1", "defaultLanguage": "en", "steps": []}                          | steps                       | at least one step
            {"version": "1", "defaultLanguage": "en", "steps": [STEP, null]}                | steps[1]                    | must be a step object
            {"version": "1", "defaultLanguage": "en", "steps": [STEP, STEP]}                | steps[1].key                | repeats the key
            {"version": "1", "defaultLanguage": "en", "steps": [{"key": "a", "messages": {"en": "x"}}]} | steps[0].due | is required
            {"version": "1", "defaultLanguage": "en", "steps": [{"key": "a", "due": "-PT1H", "messages": {"en": "x"}}]} | steps[0].due | before the session
            {"version": "1", "defaultLanguage": "en", "steps": [{"key": "a", "due": "P1000D", "messages": {"en": "x"}}]} | steps[0].due | at most 999 days
            {"version": "1", "defaultLanguage": "en", "steps": [{"key": "a", "due": "PT0S", "messages": {"fr": "x"}}]} | steps[0].messages.en | is required
            {"version": "1", "defaultLanguage": "en", "steps": [{"key": "a", "due": "PT0S", "messages": {"en": "x", "fr": null}}]} | steps[0].messages.fr | must be a text
            {"version": "1", "defaultLanguage": "en", "steps": [{"key": "a", "due": "PT0S", "messages": {"en": "x", "EN-gb": "y"}}]} | steps[0].messages.EN-gb | language code
            {"version": "1", "defaultLanguage": "en", "steps": [{"key": "a", "due": "PT0S", "messages": {"en": "x"}, "short": {"fr": "y"}}]} | steps[0].short.en | is required
            {"version": "1", "defaultLanguage": "en", "steps": [{"key": "a", "due": "PT0S", "messages": {"en": {"text": "x"}}}]} | steps[0].messages.en | must be a string
            {"version": "1", "defaultLanguage": "en", "steps": [{"key": "a", "due": "PT0S", "validFor": "3 days", "messages": {"en": "x"}}]} | steps[0].validFor | ISO-8601 duration
            {"version": "1", "defaultLanguage": "en", "steps": [{"key": "a", "due": "PT0S", "optional": "yes", "messages": {"en": "x"}}]} | steps[0].optional | true or false
            {"version": "1", "defaultLanguage": "en", "minimumSessionSpacing": "ten days", "steps": [STEP]} | minimumSessionSpacing | ISO-8601 duration
            """)
    void shouldNameTheFieldAtFault(String json, String field, String reason) {
        InvalidPlan invalid = invalid(json.replace("STEP", STEP));

        assertThat(invalid.field()).hasValue(field);
        assertThat(invalid.reason()).contains(reason);
        assertThat(invalid.getMessage()).startsWith("The aftercare plan test.json is invalid: " + field + " ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"version": "1", "steps": [      | is not valid JSON (line 1, column
            {"version": "1"} trailing        | is not valid JSON
            null                             | must be a JSON object
            [1, 2]                           | must be a JSON object
            ''                               | must be a JSON object
            """)
    void shouldFaultTheDocumentAsAWholeWhenItIsNoPlanAtAll(String json, String reason) {
        InvalidPlan invalid = invalid(json);

        assertThat(invalid.field()).isEmpty();
        assertThat(invalid.reason()).startsWith(reason);
    }

    private static InvalidPlan invalid(String json) {
        return catchThrowableOfType(
                () -> Plans.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json"),
                InvalidPlan.class);
    }
}
