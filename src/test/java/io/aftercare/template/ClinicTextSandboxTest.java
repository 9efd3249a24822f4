package io.aftercare.template;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.aftercare.sms.SmsSegments;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A clinic's wording is data: the attacks a hostile clinic tried are refused, and every text fits for every client. */
@AftercareTest
class ClinicTextSandboxTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");
    /** What a template must never reveal: the keys, the Twilio token and the database the test service runs with. */
    private static final List<String> SECRETS =
            List.of(Sessions.ADMIN_KEY, Sessions.CLINIC_KEY, TwilioDouble.AUTH_TOKEN, "jdbc:postgresql");

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Hi {firstName} {config:['aftercare.admin.api-key']}",
                "Hi {firstName} {config:['aftercare.twilio.auth-token']}",
                "Hi {firstName} {config:['aftercare.bootstrap.api-key']}",
                "Hi {firstName} {config:['quarkus.datasource.jdbc.url']}",
                "Hi {firstName} {config:['PATH']}",
                "{str:concat(firstName, firstName)}",
                "{time:format(stepDate, 'yyyy')}",
                "{inject:plans}",
                "{firstName.repeat(2000000000)}",
                "{firstName.bytes}",
                "{#if firstName.length > 15}" + "A long text. " + "{/if}",
                "{#for i in 10000}{#for j in 1000}{/for}{/for}",
                "{#include day-4 /}",
                "{#if 1 == 1 == 1 == 1 == 1 && 1}x{/if}",
                "{#if firstName == 1}x{/if}",
            })
    void shouldRefuseEveryAttackWithAProblemNamingTheTemplateAndRevealNothing(String attack) {
        String answer = Sessions.putTemplate("day-4", "en", attack)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("template"))
                .body("errors[0].reason", startsWith("does not render"))
                .extract()
                .asString();

        SECRETS.forEach(secret -> assertThat(answer).doesNotContain(secret));
        assertThat(answer).doesNotContain(System.getenv("PATH"));
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic/templates/day-4/en")
                .then()
                .statusCode(200)
                .body("overridden", equalTo(false));
    }

    @Test
    void shouldRefuseControlCharactersButAllowALineBreak() {
        Sessions.putTemplate("day-4", "en", "{firstName},\u0000 rinse gently.")
                .statusCode(400)
                .body("errors[0].field", equalTo("template"))
                .body("errors[0].reason", containsString("U+0000"));
        Sessions.putTemplate("day-4", "en", "{firstName},\nrinse gently.").statusCode(200);
    }

    @Test
    void shouldShortenALongNameRatherThanScheduleAnOverlongText() {
        // Fits in two segments with the 15-letter sample name, not with a 60-letter one.
        String wording = "{clinicName}: {firstName}, rinse gently with warm water and pat dry. {firstName}, moisturise "
                + "twice a day with an unscented cream. {firstName}, electric clippers only. Reply with questions.";
        Sessions.putTemplate("day-4", "en", wording).statusCode(200).body("fit.segments", equalTo(2));
        Map<String, Object> session = Sessions.post(NOON);
        Sessions.client(session).put("firstName", "Alexandrina-Maximilienne Josephine Bartholomea Wilhelmina");
        clock.setNow(NOON.plusMinutes(5).toInstant());

        String day4 = preview(session)
                .body("warnings", hasItem(containsString("Text day-4 calls the client by a shorter form")))
                .body("reminders.fit.segments", everyItem(isOneOf(1, 2)))
                .extract()
                .path("reminders.find { it.step == 'day-4' }.body");

        assertThat(day4).startsWith("Test Clinic: Alexandrina-Max, rinse gently");
        assertThat(SmsSegments.of(day4).segments()).isLessThanOrEqualTo(TextFit.MAX_SEGMENTS);
    }

    @Test
    void shouldWriteANameInTheGsmAlphabetWhenOneAccentWouldDoubleTheSegments() {
        Map<String, Object> session = Sessions.post(NOON);
        Sessions.client(session).put("firstName", "Zoë");
        clock.setNow(NOON.plusMinutes(5).toInstant());

        preview(session)
                .body("reminders[0].body", startsWith("Test Clinic: Hi Zoe, your scalp"))
                .body("reminders.fit.encoding", everyItem(equalTo("GSM_7")))
                .body("reminders.fit.segments", everyItem(isOneOf(1, 2)));
    }

    @Test
    void shouldUseThePlansWordingWhereAStoredWordingBreaksTodaysRules() {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager.createNativeQuery("""
                INSERT INTO template_override (id, clinic_id, step, language, template, updated_at)
                SELECT gen_random_uuid(), id, 'day-4', 'en', '{firstName.toUpperCase()}, rinse.', now() FROM clinic
                 WHERE name = 'Test Clinic'
                """).executeUpdate());
        Map<String, Object> session = Sessions.post(NOON);
        clock.setNow(NOON.plusMinutes(5).toInstant());

        preview(session)
                .body("warnings", hasItem(containsString("own wording of step day-4 breaks today's rules")))
                .body("reminders.find { it.step == 'day-4' }.body", startsWith("Test Clinic: Hi Sam, from today"));
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic/templates/day-4/en")
                .then()
                .statusCode(200)
                .body("overridden", equalTo(true))
                .body("notUsedBecause", startsWith("does not render"))
                .body("sample", equalTo(null));
    }

    @Test
    void shouldMeasureBothSidesOfTreatmentContinues() {
        Sessions.putTemplate(
                        "day-4",
                        "en",
                        "{#if treatmentContinues}Rinse gently, {firstName}.{#else}" + "Ж".repeat(200) + "{/if}")
                .statusCode(400)
                .body("errors[0].field", equalTo("template"))
                .body("errors[0].reason", startsWith("takes 3 SMS segments (UCS_2, 200 units)"));
    }

    @Test
    void shouldSendThePlansWordingWhenAClinicsWordingWouldNotFitThisClient() {
        // Fits for the sample name the check uses, and takes 14 segments for anyone else.
        Sessions.putTemplate(
                        "day-4",
                        "en",
                        "{#if firstName == 'Maximilianne-Jo'}Rinse gently.{#else}" + "Ж".repeat(900) + "{/if}")
                .statusCode(200);
        Map<String, Object> session = Sessions.post(NOON);
        clock.setNow(NOON.plusMinutes(5).toInstant());

        preview(session)
                .body(
                        "warnings",
                        hasItem(containsString("own wording of step day-4 breaks today's rules for clinic text"
                                + " or does not fit this client")))
                .body("reminders.find { it.step == 'day-4' }.body", startsWith("Test Clinic: Hi Sam, from today"))
                .body("reminders.fit.segments", everyItem(isOneOf(1, 2)));
    }

    @Test
    void shouldKeepTheSampleOfAValidWordingFreeOfAnyConfiguration() {
        Sessions.putTemplate(
                        "day-4",
                        "en",
                        "{clinicName}: {firstName}, {#if clinicPhone}call {clinicPhone}{#else}reply{/if}.")
                .statusCode(200)
                .body("sample", not(containsString("{")))
                .body("notUsedBecause", equalTo(null))
                .body("updatedAt", notNullValue());
    }

    private static ValidatableResponse preview(Map<String, Object> session) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(session)
                .when()
                .post("/v1/sessions/preview")
                .then()
                .statusCode(200);
    }
}
