package io.aftercare.reply;

import static io.aftercare.reply.ReplyFixtures.clientWithSession;
import static io.aftercare.reply.ReplyFixtures.newClinic;
import static io.aftercare.reply.ReplyFixtures.nextPhone;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioInbound;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A clinic adds its own urgent words, and rewords the safety answer like any step. */
@AftercareTest
class TriageTermsTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");

    @Inject
    TestClock clock;

    @Test
    void shouldMakeRepliesWithTheClinicsOwnTermsUrgent() {
        String key = newClinic("Terms Studio " + UUID.randomUUID());
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        clientWithSession(key, phone, NOON.minusHours(1));
        String before = TwilioInbound.newMessageSid();
        TwilioInbound.text(before, phone, "quite crusty today").statusCode(200);

        put(key, Map.of("urgent", List.of("crust*", "Flaky  skin", "flaky skin")))
                .statusCode(200)
                .body("urgent", contains("Flaky skin", "crust*"));
        String after = TwilioInbound.newMessageSid();
        TwilioInbound.text(after, phone, "quite crusty today").statusCode(200);

        assertThat(Reply.<Reply>find("messageSid", before).singleResult().category)
                .isEqualTo(ReplyCategory.OTHER);
        assertThat(Reply.<Reply>find("messageSid", after).singleResult().category)
                .isEqualTo(ReplyCategory.URGENT);
        given().auth()
                .oauth2(key)
                .get("/v1/clinic/triage-terms")
                .then()
                .statusCode(200)
                .body("urgent", contains("Flaky skin", "crust*"));
    }

    @Test
    void shouldRefuseBadTermsNamingEachOne() {
        String key = newClinic("Strict Studio " + UUID.randomUUID());

        put(key, Map.of("urgent", Arrays.asList("ooz*", "fine", "*", "x".repeat(61), "bl*ed", "tab\there")))
                .statusCode(400)
                .body("errors.field", contains("urgent[2]", "urgent[3]", "urgent[4]", "urgent[5]"));
        put(key, Map.of("urgent", java.util.Collections.nCopies(101, "ooze")))
                .statusCode(400)
                .body("errors[0].field", equalTo("urgent"));
        put(key, Map.of()).statusCode(400).body("errors[0].field", equalTo("urgent"));
        given().auth()
                .oauth2(key)
                .get("/v1/clinic/triage-terms")
                .then()
                .statusCode(200)
                .body("urgent", equalTo(List.of()));
    }

    @Test
    void shouldLetTheClinicRewordTheSafetyAnswerWithinTwoSegments() {
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic/templates/urgent-answer/fr")
                .then()
                .statusCode(200)
                .body("fit.segments", equalTo(2));
        template("{clinicName}: " + "Please call us now. ".repeat(20))
                .statusCode(400)
                .body("errors[0].field", equalTo("template"));
        template("{clinicName}: Hi {firstName}, if it bleeds or burns call us now on {clinicPhone}.")
                .statusCode(200)
                .body("overridden", equalTo(true));

        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        String client = clientWithSession(phone, NOON.minusHours(1));
        TwilioInbound.text(phone, "it burns").statusCode(200);

        assertThat(ReplyFixtures.texts(Sessions.CLINIC_KEY, client, "URGENT_ANSWER"))
                .singleElement()
                .satisfies(text -> assertThat((String) text.get("body"))
                        .isEqualTo("Test Clinic: Hi Sam, if it bleeds or burns call us now on ."));
    }

    @Test
    void shouldAnswerInTheGsmAlphabetAsEveryTextIs() {
        template("{clinicName}: {firstName}, if it bleeds — call us now.").statusCode(200);
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        Map<String, Object> session = Sessions.post(NOON.minusHours(1));
        Sessions.client(session).put("phone", phone);
        Sessions.client(session).put("firstName", "Zoë");
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(201);
        TwilioInbound.text(phone, "it bleeds").statusCode(200);

        assertThat(ReplyFixtures.texts(
                        Sessions.CLINIC_KEY, (String) Sessions.client(session).get("id"), "URGENT_ANSWER"))
                .singleElement()
                .satisfies(text -> assertThat((String) text.get("body"))
                        .isEqualTo("Test Clinic: Zoe, if it bleeds - call us now."));
    }

    private static io.restassured.response.ValidatableResponse template(String template) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("template", template))
                .put("/v1/clinic/templates/urgent-answer/en")
                .then();
    }

    private static io.restassured.response.ValidatableResponse put(String key, Map<String, ?> body) {
        return given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/v1/clinic/triage-terms")
                .then();
    }
}
