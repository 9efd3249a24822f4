package io.aftercare.template;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A clinic's wording is previewed as it is sent: in the GSM alphabet unless the clinic turned that off. */
@AftercareTest
class TemplateTransliterationTest {

    /** Typed on a phone: the keyboard writes curly quotes, a dash and an ellipsis, each outside the GSM alphabet. */
    private static final String TYPED = "{clinicName}: “Rinse gently”, {firstName} — it’s normal to itch…";

    private static final String DAY_4 = "find { it.step == 'day-4' && it.language == 'en' }";

    @Test
    void shouldPreviewSmartQuotesAsThePlainOnesThatAreSent() {
        String sent = "Test Clinic: \"Rinse gently\", Maximilianne-Jo - it's normal to itch...";

        putTemplate(TYPED)
                .statusCode(200)
                .body("template", equalTo(TYPED))
                .body("sample", equalTo(sent))
                .body("fit.encoding", equalTo("GSM_7"))
                .body("fit.segments", equalTo(1))
                .body("fit.forcedUcs2By", empty());
        templates()
                .body(DAY_4 + ".template", equalTo(TYPED))
                .body(DAY_4 + ".sample", equalTo(sent))
                .body(DAY_4 + ".fit.encoding", equalTo("GSM_7"));
    }

    @Test
    void shouldNameTheCharactersThatMakeAWordingUcs2WhenTheClinicTurnedTransliterationOff() {
        Sessions.transliteration(false);

        putTemplate(TYPED)
                .statusCode(200)
                .body("sample", startsWith("Test Clinic: “Rinse gently”, Maximilianne-Jo — it’s"))
                .body("fit.encoding", equalTo("UCS_2"))
                .body("fit.segments", equalTo(1))
                .body("fit.forcedUcs2By", contains("“", "”", "—", "’", "…"));
        templates()
                .body(DAY_4 + ".fit.encoding", equalTo("UCS_2"))
                .body(DAY_4 + ".fit.forcedUcs2By", contains("“", "”", "—", "’", "…"))
                .body("find { it.step == 'day-10' && it.language == 'fr' }.fit.forcedUcs2By", empty());
    }

    @Test
    void shouldMeasureAWordingAsItIsSentBeforeRefusingIt() {
        // With the 15-letter sample name, 157 characters: 3 segments of UCS-2 as typed, 1 of GSM-7 as sent.
        String quoted = "{firstName}: " + "“”".repeat(70);

        putTemplate(quoted)
                .statusCode(200)
                .body("fit.encoding", equalTo("GSM_7"))
                .body("fit.segments", equalTo(1));

        Sessions.transliteration(false);
        putTemplate(quoted)
                .statusCode(400)
                .body("errors[0].field", equalTo("template"))
                .body(
                        "errors[0].reason",
                        equalTo("takes 3 SMS segments (UCS_2, 157 units) with long names; at most 2"
                                + " (UCS-2 because of “, ”)"));
    }

    private static ValidatableResponse putTemplate(String template) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("template", template))
                .put("/v1/clinic/templates/day-4/en")
                .then();
    }

    private static ValidatableResponse templates() {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic/templates")
                .then()
                .statusCode(200);
    }
}
