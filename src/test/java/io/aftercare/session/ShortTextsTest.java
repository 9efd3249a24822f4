package io.aftercare.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.pagelink.PageLinks;
import io.aftercare.sms.SmsSegments;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.PagesOnProfile;
import io.aftercare.support.Sessions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With pages on, a session's texts are one segment each and carry one link to the client's page. */
@AftercareTest
@TestProfile(PagesOnProfile.class)
class ShortTextsTest {

    private static final Pattern LINK =
            Pattern.compile(Pattern.quote(PagesOnProfile.BASE_URL) + "/a/([A-Za-z0-9_-]{22})");

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void shouldSendFourOneSegmentTextsWithTheSameLink(String language) {
        Map<String, Object> post = Sessions.post(OffsetDateTime.now().minusMinutes(5));
        Sessions.client(post).put("firstName", "Maximilianne-Jo");
        Sessions.client(post).put("locale", language);

        Map<String, Object> session = posted(post);
        List<Map<String, Object>> texts = texts(session);
        assertThat(texts).extracting(text -> text.get("step")).containsExactly("days-1-3", "day-4", "day-10", "day-15");
        String token = null;
        for (Map<String, Object> text : texts) {
            String body = (String) text.get("body");
            SmsSegments.Count count = SmsSegments.of(body);
            assertThat(count.encoding()).as(body).isEqualTo(SmsSegments.Encoding.GSM_7);
            assertThat(count.segments()).as(body).isEqualTo(1);
            Matcher link = LINK.matcher(body);
            assertThat(link.find()).as(body).isTrue();
            token = token == null ? link.group(1) : token;
            assertThat(link.group(1)).isEqualTo(token);
        }
        assertThat((String) texts.get(0).get("body")).contains("STOP");
        assertThat(texts.subList(1, texts.size()))
                .allSatisfy(text -> assertThat((String) text.get("body")).doesNotContain("STOP"));
        assertThat(storedTokenHash(UUID.fromString((String) session.get("id")))).isEqualTo(PageLinks.hash(token));
        assertThat((List<?>) session.get("warnings")).isEmpty();
    }

    @Test
    void shouldShortenAVeryLongNameRatherThanPayForASecondSegment() {
        String name = "Maximilianne-Josephine-Alexandra-Charlotte-Wilhelmina-Rosa";
        Map<String, Object> post = Sessions.post(OffsetDateTime.now().minusMinutes(5));
        Sessions.client(post).put("firstName", name);

        Map<String, Object> session = posted(post);
        List<Map<String, Object>> texts = texts(session);
        String day4 = (String) texts.get(1).get("body");
        assertThat(SmsSegments.of(day4).segments()).as(day4).isEqualTo(1);
        assertThat(day4).doesNotContain(name).contains("/a/");
        assertThat((List<String>) session.get("warnings"))
                .anySatisfy(warning -> assertThat(warning).contains("day-4").contains("shorter form"));
    }

    @Test
    void shouldKeepTheLinkWhenTheSameSessionIsPostedAgain() {
        Map<String, Object> post = Sessions.post(OffsetDateTime.now().minusMinutes(5));
        String first = postAndReadFirstBody(post, 201);
        String again = postAndReadFirstBody(post, 200);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void shouldPreviewWithASampleLinkAndStoreNoPage() {
        Map<String, Object> post = Sessions.post(OffsetDateTime.now().minusMinutes(5));
        String body = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(post)
                .post("/v1/sessions/preview")
                .then()
                .statusCode(200)
                .extract()
                .path("reminders[0].body");
        assertThat(body).contains(PagesOnProfile.BASE_URL + "/a/" + "x".repeat(22));
        long pages = QuarkusTransaction.requiringNew()
                .call(() -> TreatmentSession.count("externalId = ?1", post.get("sessionId")));
        assertThat(pages).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> posted(Map<String, Object> post) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(post)
                .post("/v1/sessions")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> texts(Map<String, Object> session) {
        return (List<Map<String, Object>>) session.get("reminders");
    }

    @Test
    void shouldGiveEachImportedSessionItsOwnPageAsASinglePostDoes() {
        List<Map<String, Object>> posts = List.of(
                Sessions.post(OffsetDateTime.now().minusMinutes(5)),
                Sessions.post(OffsetDateTime.now().minusMinutes(6)));

        List<Map<String, Object>> results = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(posts)
                .post("/v1/sessions/batch")
                .then()
                .statusCode(200)
                .extract()
                .path("results");

        List<String> tokens = new java.util.ArrayList<>();
        for (Map<String, Object> result : results) {
            @SuppressWarnings("unchecked")
            Map<String, Object> session = (Map<String, Object>) result.get("session");
            Matcher link = LINK.matcher((String) texts(session).get(0).get("body"));
            assertThat(link.find()).isTrue();
            tokens.add(link.group(1));
            assertThat(storedTokenHash(UUID.fromString((String) session.get("id"))))
                    .isEqualTo(PageLinks.hash(link.group(1)));
            given().get("/a/{token}", link.group(1)).then().statusCode(200);
        }
        assertThat(tokens).doesNotHaveDuplicates();
    }

    private static String postAndReadFirstBody(Map<String, Object> post, int status) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(post)
                .post("/v1/sessions")
                .then()
                .statusCode(status)
                .extract()
                .path("reminders[0].body");
    }

    private static byte[] storedTokenHash(UUID sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TreatmentSession session = TreatmentSession.findById(sessionId);
            return session.pageTokenHash;
        });
    }
}
