package io.aftercare.template;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.PagesOnProfile;
import io.aftercare.support.Sessions;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With pages, clients get the plan's short texts and a link: the plan lints clean, and a clinic's wording that breaks
 * the healthcare profile is refused with each reason.
 */
@AftercareTest
@TestProfile(PagesOnProfile.class)
class TemplateLintPagesOnTest {

    @Test
    void shouldLintThePlansShortTextsWithASampleLink() {
        JsonPath lint = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .post("/v1/plan/lint")
                .then()
                .statusCode(200)
                .body("shortTexts", equalTo(true))
                .body("texts", hasSize(14))
                .body("texts.segments", everyItem(equalTo(1)))
                .body("texts.characters", everyItem(lessThanOrEqualTo(160)))
                .body("texts.encoding", everyItem(equalTo("GSM_7")))
                .body("findings", hasSize(0))
                .body("clean", equalTo(true))
                .extract()
                .jsonPath();

        String daysOneToThree =
                "Northshore Scalp Micropigmentation: Keep your scalp dry and untouched for 3 days. Guide: "
                        + PagesOnProfile.SAMPLE_LINK + " Reply STOP to opt out";
        assertThat(lint.getInt("texts.find { it.step == 'days-1-3' && it.language == 'en' }.characters"))
                .isEqualTo(daysOneToThree.length());
    }

    @Test
    void shouldRefuseAWordingWithEachReasonItBreaksTheProfile() {
        String wording = "{clinicName}: Hi {firstName}, for the next 3 days keep your scalp fully dry: no washing or"
                + " shaving, no touching or scratching, nothing that makes you sweat. {pageLink}";
        String rendered = wording.replace("{clinicName}", "Northshore Scalp Micropigmentation")
                .replace("{firstName}", "Maximilianne-Jo")
                .replace("{pageLink}", PagesOnProfile.SAMPLE_LINK);

        Sessions.putTemplate("days-1-3", "en", wording)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("template", "template", "template"))
                .body(
                        "errors[0].reason",
                        equalTo("TOO_LONG: has " + rendered.length()
                                + " characters with long names; the profile allows 160"))
                .body("errors[1].reason", containsString("MORE_THAN_ONE_SEGMENT: takes 2 SMS segments"))
                .body("errors[2].reason", containsString("NO_OPT_OUT: is the first text a client gets"));

        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic/templates/days-1-3/en")
                .then()
                .body("overridden", equalTo(false));
    }

    @Test
    void shouldSayWhichCharactersForceUcs2() {
        // Sent as typed: the clinic turned transliteration off.
        Sessions.transliteration(false);

        Sessions.putTemplate(
                        "day-4", "fr", "{clinicName} : {firstName}, c’est le jour 4 : rincez à l’eau tiède. {pageLink}")
                .statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].reason", containsString("MORE_THAN_ONE_SEGMENT"))
                .body("errors[0].reason", containsString("UCS-2 because of ’"));
    }

    @Test
    void shouldLintAWordingAsItIsSentInTheGsmAlphabet() {
        // Typed with curly apostrophes, sent with plain ones: one GSM-7 segment, as the put check itself measures it.
        Sessions.putTemplate(
                        "day-4", "fr", "{clinicName} : {firstName}, c’est le jour 4 : rincez à l’eau tiède. {pageLink}")
                .statusCode(200)
                .body("fit.encoding", equalTo("GSM_7"));

        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .post("/v1/plan/lint")
                .then()
                .statusCode(200)
                .body("texts.find { it.step == 'day-4' && it.language == 'fr' }.encoding", equalTo("GSM_7"))
                .body("clean", equalTo(true));
    }

    @Test
    void shouldRefuseAWordingThatTransliterationMakesTooLong() {
        // 70 characters of UCS-2 as typed, one segment; each … is sent as "...": 186 GSM-7 characters, 2 segments.
        String wording = "Rinse gently" + "…".repeat(58);

        Sessions.putTemplate("day-4", "en", wording)
                .statusCode(400)
                .body("errors.reason", hasItem(startsWith("TOO_LONG: has 186 characters")))
                .body("errors.reason", hasItem(startsWith("MORE_THAN_ONE_SEGMENT: takes 2 SMS segments")));
    }

    @Test
    void shouldAcceptAWordingThatKeepsTheProfile() {
        Sessions.putTemplate(
                        "days-1-3",
                        "en",
                        "{clinicName}: Hi {firstName}, keep your scalp dry for 3 days. {pageLink} Reply STOP to opt out")
                .statusCode(200);

        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .post("/v1/plan/lint")
                .then()
                .statusCode(200)
                .body("clean", equalTo(true));
    }

    @Test
    void shouldNotRefuseAWordingForItsStepsTiming() {
        Sessions.settings(Map.of("start", "08:30", "end", "10:00"), List.of());

        Sessions.putTemplate("day-4", "en", "{clinicName}: Hi {firstName}, rinse gently with warm water. {pageLink}")
                .statusCode(200);
    }
}
