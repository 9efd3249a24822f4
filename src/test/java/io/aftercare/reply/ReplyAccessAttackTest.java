package io.aftercare.reply;

import static io.aftercare.reply.ReplyFixtures.clientWithSession;
import static io.aftercare.reply.ReplyFixtures.newClinic;
import static io.aftercare.reply.ReplyFixtures.nextPhone;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioInbound;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A rogue clinic tampering with cursors and ids to reach another clinic's replies. */
@AftercareTest
class ReplyAccessAttackTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");

    @Inject
    TestClock clock;

    @Test
    void shouldListOnlyTheCallersRepliesWhateverTheCursorHolds() {
        clock.setNow(NOON.toInstant());
        String victimKey = newClinic("Victim Studio " + UUID.randomUUID());
        String rogueKey = newClinic("Rogue Studio " + UUID.randomUUID());
        String victimPhone = nextPhone();
        clientWithSession(victimKey, victimPhone, NOON.minusHours(1));
        TwilioInbound.text(victimPhone, "my scalp is bleeding").statusCode(200);
        String victimsReply = list(victimKey, null).get(0);

        // A cursor written by hand to sit just before the victim's reply, and one before everything there is.
        for (String position : List.of("0|2026-11-02T20:00:00Z|" + victimsReply, "0|9999-12-31T00:00:00Z|" + max())) {
            assertThat(list(rogueKey, cursor(position))).doesNotContain(victimsReply);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0|+1000000-01-01T00:00:00Z|", "1|-1000000-01-01T00:00:00Z|"})
    void shouldRefuseACursorOutsideTheTimesTheDatabaseHolds(String position) {
        given().auth()
                .oauth2(newClinic("Cursor Studio " + UUID.randomUUID()))
                .queryParam("cursor", cursor(position + max()))
                .get("/v1/replies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void shouldRefuseToAnswerAnotherClinicsReply() {
        clock.setNow(NOON.toInstant());
        String victimKey = newClinic("Victim Studio " + UUID.randomUUID());
        String rogueKey = newClinic("Rogue Studio " + UUID.randomUUID());
        String phone = nextPhone();
        String roguesClient = clientWithSession(rogueKey, nextPhone(), NOON.minusHours(2));
        clientWithSession(victimKey, phone, NOON.minusHours(1));
        TwilioInbound.text(phone, "there is pus").statusCode(200);
        String victimsReply = list(victimKey, null).get(0);

        given().auth()
                .oauth2(rogueKey)
                .contentType(ContentType.JSON)
                .body(Map.of("body", "Hello", "inReplyTo", victimsReply))
                .post("/v1/clients/" + roguesClient + "/messages")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("inReplyTo"));
    }

    private static List<String> list(String key, String cursor) {
        var request = given().auth().oauth2(key);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/v1/replies")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("replies.id");
    }

    private static String cursor(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static String max() {
        return new UUID(-1L, -1L).toString();
    }
}
