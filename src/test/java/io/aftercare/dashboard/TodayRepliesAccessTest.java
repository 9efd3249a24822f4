package io.aftercare.dashboard;

import static io.aftercare.dashboard.TodayRepliesFixtures.client;
import static io.aftercare.dashboard.TodayRepliesFixtures.newClinic;
import static io.aftercare.dashboard.TodayRepliesFixtures.replies;
import static io.aftercare.dashboard.TodayRepliesFixtures.reply;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercare.dashboard.TodayRepliesFixtures.TestClient;
import io.aftercare.dashboard.TodayRepliesFixtures.TestClinic;
import io.aftercare.db.PageCursor;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.StaffForms;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Today and Replies over HTTP, as an attacker would try them: another clinic's reply ids on every route, an operator's
 * posts, and forms posted without their CSRF token, each refused with nothing changed; and what the pages show of a
 * client who was erased: nothing.
 */
@AftercareTest
class TodayRepliesAccessTest {

    private static final OffsetDateTime ENDED = OffsetDateTime.now().minusHours(1);
    private static final String[] ACTIONS = {"resolve", "answer", "measure"};

    @InjectTwilioDouble
    TwilioDouble twilio;

    @Test
    void shouldAnswerAnotherClinicsReplyOnEveryRouteWithTheSame404AndNoneOfItsData() {
        TestClinic own = newClinic();
        TestClinic other = newClinic();
        TestClient bianca = client(other, "Bianca", "Secretname", "America/Vancouver", ENDED);
        UUID othersReply = reply(other, bianca, "my scalp is bleeding, private words");
        String session = own.session();
        String notFound =
                withoutToken(post(session, "/app/replies/" + UUID.randomUUID() + "/resolve", Map.of("note", "x"))
                        .body()
                        .asString());

        for (String action : ACTIONS) {
            for (String id : List.of(
                    othersReply.toString(), "not-a-uuid", UUID.randomUUID().toString())) {
                ExtractableResponse<Response> answer = post(
                        session,
                        "/app/replies/" + id + "/" + action,
                        Map.of("note", "ours now", "body", "Hello from the wrong clinic"));
                assertThat(answer.statusCode()).as(action + " " + id).isEqualTo(404);
                assertThat(answer.contentType()).startsWith("text/html");
                assertThat(withoutToken(answer.body().asString()))
                        .isEqualTo(notFound)
                        .doesNotContain("Bianca", "Secretname", "private words", bianca.phone());
            }
        }
        // A cursor written to stand just before the other clinic's reply lists none of it either.
        String cursor = PageCursor.encode(0, Instant.now().plusSeconds(3600), othersReply);
        for (String path : List.of("/app/today", "/app/replies?status=&cursor=" + cursor, "/app/replies?status=")) {
            assertThat(given().cookie(StaffForms.SESSION, session)
                            .get(path)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .as(path)
                    .doesNotContain("Bianca", "Secretname", "private words", othersReply.toString());
        }
        assertThat(replies(other, "open"))
                .singleElement()
                .satisfies(reply ->
                        assertThat(reply).containsEntry("status", "OPEN").doesNotContainKey("note"));
        assertThat(twilio.messagesTo(bianca.phone()))
                .extracting(form -> form.get("Body"))
                .noneMatch(body -> body.contains("wrong clinic"));
    }

    @Test
    void shouldShowAnOperatorNoFormAndRefuseTheirPosts() {
        TestClinic clinic = newClinic();
        TestClient zoe = client(clinic, "Zoë", "Tremblay", "America/Vancouver", ENDED);
        UUID replyId = reply(clinic, zoe, "is this redness normal?");
        String operator = StaffForms.sessionOf(TodayRepliesFixtures.newOperator());
        Map<String, String> cookies = Map.of(
                StaffForms.SESSION,
                operator,
                DashboardScope.OPERATOR_CLINIC_COOKIE,
                clinic.id().toString());

        String page = given().cookies(cookies)
                .get("/app/replies")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page).contains("is this redness normal?").doesNotContain("action=\"/app/replies/");
        StaffForms.Csrf csrf = StaffForms.csrfFrom("/app/replies", cookies);
        for (String action : ACTIONS) {
            given().cookies(cookies)
                    .cookie(StaffForms.CSRF, csrf.cookie())
                    .formParam(StaffForms.CSRF_FIELD, csrf.field())
                    .formParam("note", "operator was here")
                    .formParam("body", "Hello from the operator")
                    .redirects()
                    .follow(false)
                    .post("/app/replies/" + replyId + "/" + action)
                    .then()
                    .statusCode(403);
        }
        assertThat(replies(clinic, "open")).extracting(reply -> reply.get("id")).containsExactly(replyId.toString());
        assertThat(twilio.messagesTo(zoe.phone()))
                .extracting(form -> form.get("Body"))
                .noneMatch(body -> body.contains("operator"));
    }

    @Test
    void shouldRefuseEachFormPostedWithoutItsTokenAndChangeNothing() {
        TestClinic clinic = newClinic();
        TestClient zoe = client(clinic, "Zoë", "Tremblay", "America/Vancouver", ENDED);
        UUID replyId = reply(clinic, zoe, "my scalp is bleeding");
        String session = clinic.session();
        StaffForms.Csrf csrf = StaffForms.csrfFrom("/app/replies", Map.of(StaffForms.SESSION, session));

        for (String action : ACTIONS) {
            String path = "/app/replies/" + replyId + "/" + action;
            // No token at all; the cookie without the field; a field that is not the cookie's.
            given().cookie(StaffForms.SESSION, session)
                    .formParam("note", "forged")
                    .formParam("body", "Forged answer")
                    .post(path)
                    .then()
                    .statusCode(403);
            given().cookie(StaffForms.SESSION, session)
                    .cookie(StaffForms.CSRF, csrf.cookie())
                    .formParam("note", "forged")
                    .formParam("body", "Forged answer")
                    .post(path)
                    .then()
                    .statusCode(403);
            given().cookie(StaffForms.SESSION, session)
                    .cookie(StaffForms.CSRF, csrf.cookie())
                    .formParam(StaffForms.CSRF_FIELD, "A".repeat(43))
                    .formParam("note", "forged")
                    .formParam("body", "Forged answer")
                    .post(path)
                    .then()
                    .statusCode(403);
        }
        assertThat(replies(clinic, "open")).extracting(reply -> reply.get("id")).containsExactly(replyId.toString());
        assertThat(twilio.messagesTo(zoe.phone()))
                .extracting(form -> form.get("Body"))
                .noneMatch(body -> body.contains("Forged"));
    }

    @Test
    void shouldShowARefusedAnswerAgainWithTheReasonAndWhatWasTyped() {
        TestClinic clinic = newClinic();
        TestClient zoe = client(clinic, "Zoë", "Tremblay", "America/Vancouver", ENDED);
        UUID replyId = reply(clinic, zoe, "can I swim?");
        String session = clinic.session();
        String tooLong = "Not yet. " + "x".repeat(330);

        ExtractableResponse<Response> refused =
                post(session, "/app/replies/" + replyId + "/answer", Map.of("body", tooLong));
        ExtractableResponse<Response> blankNote =
                post(session, "/app/replies/" + replyId + "/resolve", Map.of("note", "bad\u0007bell"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body().asString())
                .contains("It takes 3 SMS segments with the clinic&#39;s name in front: at most 2.")
                .contains(">" + tooLong + "</textarea>");
        assertThat(blankNote.statusCode()).isEqualTo(422);
        assertThat(blankNote.body().asString()).contains("It holds a control character");
        assertThat(replies(clinic, "open")).extracting(reply -> reply.get("id")).containsExactly(replyId.toString());
    }

    @Test
    void shouldShowAStalePageMessageForACursorTheListDidNotGive() {
        TestClinic clinic = newClinic();
        String session = clinic.session();
        for (String path : List.of(
                "/app/replies?cursor=bm90IGEgY3Vyc29y", "/app/today?cursor=%25%25", "/app/today?failuresCursor=x")) {
            assertThat(given().cookie(StaffForms.SESSION, session)
                            .get(path)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .as(path)
                    .contains("This page of the list no longer exists.");
        }
    }

    @Test
    void shouldShowAnErasedClientsFailedTextAsErasedWithNoneOfTheirData() {
        TestClinic clinic = newClinic();
        twilio.failWith(400, 21211, "The 'To' number is not a valid phone number.");
        TestClient erin = client(clinic, "Erin", "Erasedname", "America/Vancouver", ENDED);
        TestClient sam = client(clinic, "Sam", "Keptname", "America/Vancouver", ENDED);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> failedTexts(clinic, erin) == 1 && failedTexts(clinic, sam) == 1);
        given().auth()
                .oauth2(clinic.key())
                .delete("/v1/clients/" + erin.externalId())
                .then()
                .statusCode(200);

        String today = given().cookie(StaffForms.SESSION, clinic.session())
                .get("/app/today")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(today)
                .doesNotContain("Erin", "Erasedname", "…" + erin.phone().substring(8));
        String failures = today.substring(today.indexOf("id=\"failures\""), today.indexOf("id=\"due-title\""));
        assertThat(failures)
                .contains("Sam Keptname", "21211: invalid &#39;To&#39; number")
                .contains("<td>erased client</td>", "<td class=\"why\">erased</td>");
    }

    private static long failedTexts(TestClinic clinic, TestClient client) {
        List<String> statuses = given().auth()
                .oauth2(clinic.key())
                .get("/v1/clients/" + client.externalId() + "/reminders")
                .then()
                .statusCode(200)
                .extract()
                .path("reminders.status");
        return statuses.stream().filter("FAILED"::equals).count();
    }

    /** A page without its forms' CSRF token, which each new form page gets afresh. */
    private static String withoutToken(String page) {
        return page.replaceAll("value=\"[A-Za-z0-9_-]{43}\"", "value=\"\"");
    }

    /** Posts a dashboard form with the CSRF token of the Replies page, as the browser would. */
    private static ExtractableResponse<Response> post(String session, String path, Map<String, String> form) {
        return StaffForms.post(path, session, "/app/replies", form);
    }
}
