package io.aftercare.template;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.aftercare.plan.Plans;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TwilioDouble;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /v1/plan/lint: the plan in force as a clinic's clients get it, or a plan the clinic posts, never evaluated. */
@AftercareTest
class PlanLintResourceTest {

    private static final String STOP = " Reply STOP to opt out.";
    private static final String FR =
            "{clinicName} : Bonjour {firstName}, gardez-le au sec. Répondez STOP pour vous désinscrire.";

    @Inject
    Plans plans;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void shouldLintThePlanInForceWithoutABody() {
        int texts = plans.current().steps().size() * plans.current().languages().size();

        lint().statusCode(200)
                .contentType(ContentType.JSON)
                .body("plan", equalTo(plans.current().version()))
                .body("shortTexts", equalTo(false))
                .body("profile.name", equalTo("healthcare"))
                .body("profile.mostTextsADay", equalTo(1))
                .body("profile.mostTextsAWeek", equalTo(3))
                .body("profile.mostCharacters", equalTo(160))
                .body("profile.optOut", containsString("STOP"))
                .body("texts", hasSize(texts))
                .body("texts.find { it.step == 'days-1-3' && it.language == 'en' }.encoding", equalTo("GSM_7"))
                .body("texts.find { it.step == 'days-1-3' && it.language == 'en' }.forcingUcs2", hasSize(0))
                .body("texts.find { it.step == 'days-1-3' && it.language == 'en' }.segments", equalTo(2))
                .body(
                        "findings.findAll { it.step == 'days-1-3' && it.language == 'en' }.rule",
                        contains("TOO_LONG", "MORE_THAN_ONE_SEGMENT"))
                .body("findings.rule", not(hasItem("IN_QUIET_HOURS")))
                .body("clean", equalTo(false));
    }

    @Test
    void shouldLintTheClinicsOwnWordingAndQuietHours() {
        String wording = "{clinicName}: Hi {firstName}, rinse gently with warm water from today.";
        Sessions.putTemplate("day-4", "en", wording).statusCode(200);
        Sessions.settings(Map.of("start", "08:30", "end", "10:00"), List.of());

        JsonPath lint = lint().statusCode(200).extract().jsonPath();

        String rendered =
                "Northshore Scalp Micropigmentation: Hi Maximilianne-Jo, rinse gently with warm water from today.";
        assertThat(lint.getInt("texts.find { it.step == 'day-4' && it.language == 'en' }.characters"))
                .isEqualTo(rendered.length());
        assertThat(lint.getList("findings.findAll { it.step == 'day-4' && it.language == 'en' }"))
                .isEmpty();
        assertThat(lint.getList("findings.findAll { it.step == 'day-4' && it.language == 'fr' }.rule", String.class))
                .contains("TOO_LONG");
        assertThat(lint.getList("findings.findAll { it.step == 'day-4' && it.language == null }.rule", String.class))
                .containsExactly("IN_QUIET_HOURS");
        assertThat(lint.getString("findings.find { it.rule == 'IN_QUIET_HOURS' }.message"))
                .contains("08:30-10:00");
    }

    @Test
    void shouldLintAPostedPlanAsItsTextsAreSent() {
        // Transliteration is on: the curly apostrophe goes out as a plain one, in GSM-7.
        JsonPath lint = lint(plan(
                        step("first", "PT0S", "{clinicName}: dry for 3 days." + STOP, "{clinicName} : c’est tout.")))
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(lint.getString("texts.find { it.step == 'first' && it.language == 'fr' }.encoding"))
                .isEqualTo("GSM_7");
        assertThat(lint.getList("texts.find { it.step == 'first' && it.language == 'fr' }.forcingUcs2"))
                .isEmpty();
    }

    @Test
    void shouldReportEveryRuleAPostedPlanBreaks() {
        // Texts sent as typed, so that the curly apostrophe forces UCS-2.
        Sessions.transliteration(false);
        Map<String, Object> plan = plan(
                step("first", "PT0S", "{clinicName}: Hi {firstName}, keep your scalp dry for 3 days."),
                step(
                        "same-day",
                        "day 1 at 20:00",
                        "{clinicName}: Hi {firstName}, no washing, no shaving, no touching, no scratching, nothing that"
                                + " makes you sweat, and no pool, sauna, steam room or tanning for now.",
                        "{clinicName} : c’est tout pour aujourd’hui."),
                step("early", "day 4 at 07:00", "{clinicName}: Hi {firstName} {surname}, rinse gently."),
                step("day-5", "day 5 at 09:00", "{clinicName}: {#if firstName}Hi {firstName}, moisturise."));

        JsonPath lint = lint(plan).statusCode(200).extract().jsonPath();

        assertThat(findings(lint))
                .containsExactlyInAnyOrder(
                        tuple("first", "en", "NO_OPT_OUT"),
                        tuple("same-day", "en", "TOO_LONG"),
                        tuple("same-day", "en", "MORE_THAN_ONE_SEGMENT"),
                        tuple("same-day", null, "TOO_MANY_A_DAY"),
                        tuple("early", "en", "UNKNOWN_VALUE"),
                        tuple("early", null, "IN_QUIET_HOURS"),
                        tuple("day-5", "en", "DOES_NOT_RENDER"),
                        tuple("day-5", null, "TOO_MANY_A_WEEK"));
        assertThat(lint.getString("findings.find { it.rule == 'UNKNOWN_VALUE' }.message"))
                .contains("{surname}");
        assertThat(lint.getList("texts.find { it.step == 'same-day' && it.language == 'fr' }.forcingUcs2"))
                .containsExactly("’");
        assertThat(lint.getString("texts.find { it.step == 'same-day' && it.language == 'fr' }.encoding"))
                .isEqualTo("UCS_2");
        assertThat(lint.getString("plan")).isEqualTo("posted-1");
        assertThat(lint.getBoolean("clean")).isFalse();
    }

    @Test
    void shouldRenderAPostedPlanInTheSandboxOnly() {
        List<String> attacks = List.of(
                "{#for i in 100000000}x{/for}",
                "{#include x}",
                "{#include day-4 /}",
                "{clinic.apiKeys}",
                "{inject:plans}",
                "{config:['aftercare.admin.api-key']}",
                "{firstName.repeat(2000000000)}",
                "{#if 1 == 1 == 1 == 1 == 1 && 1}x{/if}");
        List<Map<String, Object>> steps = new ArrayList<>();
        steps.add(step("first", "PT0S", "{clinicName}: Hi {firstName}, keep it dry." + STOP));
        for (int i = 0; i < attacks.size(); i++) {
            steps.add(step("attack-" + i, "day " + (10 * i + 10) + " at 09:00", attacks.get(i)));
        }

        String answer =
                lint(plan(steps.toArray(Map[]::new))).statusCode(200).extract().asString();

        JsonPath lint = JsonPath.from(answer);
        for (int i = 0; i < attacks.size(); i++) {
            String step = "attack-" + i;
            assertThat(lint.getList("findings.findAll { it.step == '" + step + "' && it.language == 'en' }.rule"))
                    .as(attacks.get(i))
                    .singleElement()
                    .isIn("DOES_NOT_RENDER", "UNKNOWN_VALUE");
            assertThat(lint.getList("texts.findAll { it.step == '" + step + "' && it.language == 'en' }"))
                    .as(attacks.get(i))
                    .isEmpty();
        }
        // The sandbox's own refusal: the plan's engine would have run the loop.
        assertThat(lint.getString("findings.find { it.step == 'attack-0' }.message"))
                .startsWith("does not render")
                .contains("a text may use");
        List.of(Sessions.ADMIN_KEY, Sessions.CLINIC_KEY, TwilioDouble.AUTH_TOKEN, "jdbc:postgresql")
                .forEach(secret -> assertThat(answer).doesNotContain(secret));
    }

    @Test
    void shouldNameTheFieldAtFaultInAPostedPlan() {
        Map<String, Object> noVersion = validPlan();
        noVersion.remove("version");
        assertInvalid(noVersion, "version", "is required");

        Map<String, Object> badDue = validPlan();
        steps(badDue).get(2).put("due", "tomorrow");
        assertInvalid(badDue, "steps[2].due", "not 'tomorrow'");

        Map<String, Object> noEnglish = validPlan();
        steps(noEnglish).get(0).put("messages", Map.of("fr", FR));
        assertInvalid(noEnglish, "steps[0].messages.en", "is required");

        Map<String, Object> unknownField = validPlan();
        steps(unknownField).get(1).put("colour", "blue");
        assertInvalid(unknownField, "steps[1].colour", "is not a known field");

        Map<String, Object> badAudience = validPlan();
        steps(badAudience).get(1).put("appliesTo", "EVERYONE");
        assertInvalid(badAudience, "steps[1].appliesTo", "cannot be read as one of");

        Map<String, Object> stepsNotAList = validPlan();
        stepsNotAList.put("steps", "all of them");
        assertInvalid(stepsNotAList, "steps", "must be a list");

        Map<String, Object> farAway = validPlan();
        steps(farAway).get(1).put("due", "PT2562047788015215H");
        assertInvalid(farAway, "steps[1].due", null);

        Map<String, Object> tooMany = validPlan();
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i <= ClinicPlanLinter.MOST_POSTED_STEPS; i++) {
            many.add(step("step-" + i, "day " + (i + 1) + " at 09:00", "{clinicName}: day " + i + "." + STOP));
        }
        tooMany.put("steps", many);
        assertInvalid(tooMany, "steps", "at most " + ClinicPlanLinter.MOST_POSTED_STEPS);
    }

    @Test
    void shouldRefuseABodyThatIsNotAPlan() {
        postRaw("{\"version\": \"x\", \"steps\": [")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/malformed-body"))
                .body("detail", containsString("is not valid JSON"));
        postRaw("[1, 2, 3]")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/malformed-body"))
                .body("detail", containsString("must be a JSON object"));
        postRaw("{\"version\": \"x\"} {\"version\": \"y\"}").statusCode(400).body("type", endsWith("/malformed-body"));
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.TEXT)
                .body("version: x")
                .when()
                .post("/v1/plan/lint")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseABodyOverTheSizeLimit() {
        Map<String, Object> huge = validPlan();
        steps(huge).get(0).put("messages", Map.of("en", "x".repeat(70 * 1024)));

        lint(huge).statusCode(413).contentType("application/problem+json");
    }

    @Test
    void shouldBeDescribedWithEveryAnswerInOpenApi() {
        given().port(management.getPort())
                .accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/v1/plan/lint'.post.responses.keySet()", hasItems("200", "400", "401", "413", "415"))
                .body("paths.'/v1/plan/lint'.post.requestBody.required", not(equalTo(true)))
                .body("components.schemas", hasKey("PlanLint"))
                .body("components.schemas.PlanLint.properties", hasKey("findings"));
    }

    @Test
    void shouldAnswer401WithoutAKey() {
        given().post("/v1/plan/lint").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2("not-a-key-0123456789abcdef0123456789abcdef")
                .post("/v1/plan/lint")
                .then()
                .statusCode(401);
    }

    private static void assertInvalid(Map<String, Object> plan, String field, String reason) {
        ValidatableResponse response = lint(plan)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field));
        if (reason != null) {
            response.body("errors[0].reason", containsString(reason));
        }
    }

    private static List<org.assertj.core.groups.Tuple> findings(JsonPath lint) {
        List<Map<String, Object>> findings = lint.getList("findings");
        return findings.stream()
                .map(finding -> tuple(finding.get("step"), finding.get("language"), finding.get("rule")))
                .toList();
    }

    private static Map<String, Object> validPlan() {
        return plan(
                step("first", "PT0S", "{clinicName}: Hi {firstName}, keep it dry." + STOP),
                step("day-4", "day 4 at 09:00", "{clinicName}: Hi {firstName}, rinse gently."),
                step("day-10", "day 10 at 09:00", "{clinicName}: Hi {firstName}, shampoo is fine."));
    }

    @SafeVarargs
    private static Map<String, Object> plan(Map<String, Object>... steps) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("version", "posted-1");
        plan.put("defaultLanguage", "en");
        plan.put("steps", new ArrayList<>(List.of(steps)));
        return plan;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> plan) {
        return (List<Map<String, Object>>) plan.get("steps");
    }

    private static Map<String, Object> step(String key, String due, String english) {
        return step(key, due, english, FR);
    }

    private static Map<String, Object> step(String key, String due, String english, String french) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("key", key);
        step.put("due", due);
        step.put("messages", Map.of("en", english, "fr", french));
        return step;
    }

    private static ValidatableResponse lint() {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .when()
                .post("/v1/plan/lint")
                .then();
    }

    private static ValidatableResponse lint(Map<String, Object> plan) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(plan)
                .when()
                .post("/v1/plan/lint")
                .then();
    }

    private static ValidatableResponse postRaw(String body) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/plan/lint")
                .then();
    }
}
