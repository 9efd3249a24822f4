package io.aftercare.template;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without pages, a clinic's wording is linted against the plan's full text of the same step: refused for what it
 * breaks that the plan's text keeps, never for being as long as the plan's own.
 */
@AftercareTest
class TemplateLintTest {

    @Test
    void shouldRefuseAFirstTextThatDoesNotSayHowToOptOut() {
        Sessions.putTemplate("days-1-3", "en", "{clinicName}: Hi {firstName}, keep your scalp dry for the next 3 days.")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("template"))
                .body("errors[0].reason", startsWith("NO_OPT_OUT: is the first text a client gets"));

        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic/templates/days-1-3/en")
                .then()
                .statusCode(200)
                .body("overridden", equalTo(false));
    }

    @Test
    void shouldAcceptAWordingAsLongAsThePlansFullText() {
        String twoSegments = "{clinicName}: Hi {firstName}, your scalp is healing. For 3 days keep it fully dry: no"
                + " washing, no shaving, no touching, no scratching, no sweating, no pool, no sauna and no steam"
                + " room. Reply STOP to opt out.";

        Sessions.putTemplate("days-1-3", "en", twoSegments).statusCode(200).body("fit.segments", equalTo(2));
    }

    @Test
    void shouldNotRefuseAWordingForItsStepsTiming() {
        Sessions.settings(Map.of("start", "08:30", "end", "10:00"), List.of());

        Sessions.putTemplate("day-4", "en", "{clinicName}: Hi {firstName}, rinse gently with warm water from today.")
                .statusCode(200);

        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .post("/v1/plan/lint")
                .then()
                .statusCode(200)
                .body("findings.findAll { it.step == 'day-4' }.rule", hasItem("IN_QUIET_HOURS"));
    }
}
