package io.aftercare.reply;

import static io.aftercare.reply.ReplyFixtures.clientWithSession;
import static io.aftercare.reply.ReplyFixtures.newClinic;
import static io.aftercare.reply.ReplyFixtures.nextPhone;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioInbound;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A clinic lists its replies, urgent first then newest first, page by page, and resolves them; no other clinic can. */
@AftercareTest
class ReplyListTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");

    @Inject
    TestClock clock;

    @Test
    void shouldListUrgentFirstThenNewestFirstPageByPage() {
        String key = newClinic("List Studio " + UUID.randomUUID());
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        clientWithSession(key, phone, NOON.minusHours(1));
        String[] bodies = {"thanks 1", "my scalp is bleeding", "can I swim?", "thanks 2", "fever tonight", "ok 3"};
        for (int i = 0; i < bodies.length; i++) {
            clock.setNow(NOON.plusMinutes(i + 1).toInstant());
            TwilioInbound.text(phone, bodies[i]).statusCode(200);
        }

        List<String> seen = new ArrayList<>();
        JsonPath page = list(key, Map.of("limit", 4));
        seen.addAll(page.getList("replies.body"));
        // A reply that comes in between two pages sorts before the cursor: the next page is as it was.
        clock.setNow(NOON.plusMinutes(30).toInstant());
        TwilioInbound.text(phone, "bleeding again").statusCode(200);
        page = list(key, Map.of("limit", 4, "cursor", page.getString("nextCursor")));
        seen.addAll(page.getList("replies.body"));

        assertThat(seen)
                .containsExactly(
                        "fever tonight", "my scalp is bleeding", "ok 3", "thanks 2", "can I swim?", "thanks 1");
        assertThat(page.getString("nextCursor")).isNull();
        assertThat(list(key, Map.of("category", "URGENT")).<String>getList("replies.body"))
                .containsExactly("bleeding again", "fever tonight", "my scalp is bleeding");
        assertThat(list(key, Map.of("category", "question")).<String>getList("replies.body"))
                .containsExactly("can I swim?");
    }

    @Test
    void shouldResolveAReplyOnceWithWhoWhenAndNote() {
        String key = newClinic("Resolve Studio " + UUID.randomUUID());
        String clinicId = ReplyFixtures.clinicId(key);
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        clientWithSession(key, phone, NOON.minusHours(1));
        TwilioInbound.text(phone, "is this redness normal?").statusCode(200);
        String id = list(key, Map.of()).getString("replies[0].id");

        String resolvedAt = resolve(key, id, Map.of("note", "Called back: healing normally"))
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolvedBy", equalTo("clinic:" + clinicId))
                .body("note", equalTo("Called back: healing normally"))
                .body("resolvedAt", notNullValue())
                .extract()
                .path("resolvedAt");
        resolve(key, id, Map.of("note", "again"))
                .statusCode(200)
                .body("resolvedAt", equalTo(resolvedAt))
                .body("note", equalTo("Called back: healing normally"));

        assertThat(list(key, Map.of("status", "open")).getList("replies")).isEmpty();
        assertThat(list(key, Map.of("status", "resolved")).<String>getList("replies.id"))
                .containsExactly(id);
    }

    @Test
    void shouldKeepAnotherClinicsRepliesAndClientsOutOfReach() {
        String key = newClinic("Private Studio " + UUID.randomUUID());
        clock.setNow(NOON.toInstant());
        String phone = nextPhone();
        String client = clientWithSession(key, phone, NOON.minusHours(1));
        TwilioInbound.text(phone, "bleeding").statusCode(200);
        String id = list(key, Map.of()).getString("replies[0].id");

        resolve(Sessions.CLINIC_KEY, id, Map.of()).statusCode(404);
        assertThat(list(Sessions.CLINIC_KEY, Map.of()).<String>getList("replies.id"))
                .doesNotContain(id);
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clients/" + client + "/conversation")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("body", "Hello"))
                .post("/v1/clients/" + client + "/messages")
                .then()
                .statusCode(404);
        resolve(key, "not-a-uuid", Map.of()).statusCode(404);
    }

    @Test
    void shouldRefuseABadCursorStatusOrLimitNamingTheField() {
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .queryParam("cursor", "bm90IGEgY3Vyc29y")
                .get("/v1/replies")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("cursor"));
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .queryParam("status", "pending")
                .get("/v1/replies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .queryParam("limit", 0)
                .get("/v1/replies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().get("/v1/replies").then().statusCode(401);
    }

    private static JsonPath list(String key, Map<String, ?> query) {
        return given().auth()
                .oauth2(key)
                .queryParams(query)
                .get("/v1/replies")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static io.restassured.response.ValidatableResponse resolve(String key, String id, Map<String, ?> body) {
        return given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/v1/replies/" + id + "/resolve")
                .then();
    }
}
