package io.aftercare.page;

import static io.aftercare.page.PageFixtures.post;
import static io.aftercare.page.PageFixtures.session;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.aftercare.page.PageFixtures.Posted;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.CapturedLog;
import io.aftercare.support.PagesOnProfile;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Header;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /a/{token} over HTTP: the link's life, the answers that tell nothing, the headers and the rate limit. */
@AftercareTest
@TestProfile(PagesOnProfile.class)
class ClientPageTest {

    /** A Vancouver session that ended on a weekday morning; its texts fall outside quiet hours. */
    private static final OffsetDateTime ENDED = OffsetDateTime.parse("2026-11-02T10:00:00-08:00");

    @Inject
    TestClock clock;

    @Inject
    PageRequestLimit limit;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void startCounting() {
        // Every test comes from 127.0.0.1: each starts with the address's count at zero.
        limit.forgetAll();
    }

    private Posted postedNow(Map<String, Object> session) {
        clock.setNow(ENDED.plusMinutes(5).toInstant());
        return post(session);
    }

    @Test
    void shouldForbidIndexingCachingReferrersAndEveryScript() throws Exception {
        Posted posted = postedNow(session(ENDED, "America/Vancouver", "en", "Zoë"));

        Response page = given().get("/a/{token}", posted.token());

        page.then()
                .statusCode(200)
                .header("Content-Type", "text/html; charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        "Content-Security-Policy",
                        allOf(
                                containsString("default-src 'none'"),
                                containsString("script-src 'none'"),
                                containsString("base-uri 'none'"),
                                containsString("form-action 'none'"),
                                containsString("frame-ancestors 'none'")));
        String html = page.body().asString();
        assertThat(html)
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("<meta name=\"robots\" content=\"noindex\">")
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase(" src=")
                .doesNotContain("http://", "https://", "//fonts", "@import", "url(");
        // The one style there is, allowed by its hash and nothing else.
        String style = html.substring(html.indexOf("<style>") + "<style>".length(), html.indexOf("</style>"));
        String hash = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.header("Content-Security-Policy")).contains("style-src 'sha256-" + hash + "';");
        assertThat(html.indexOf("<style>")).isEqualTo(html.lastIndexOf("<style>"));
    }

    @Test
    void shouldAnswerUnknownMalformedAndErasedLinksWithTheSame404() {
        Posted erased = postedNow(session(ENDED, "America/Vancouver", "en", "Zoë"));
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .delete("/v1/clients/{id}", erased.clientId())
                .then()
                .statusCode(200);
        Posted kept = post(session(ENDED, "America/Vancouver", "en", "Kim"));
        // A token one character off a real one, a well-formed random one, malformed ones, the erased client's.
        String offByOne =
                (kept.token().charAt(0) == 'A' ? "B" : "A") + kept.token().substring(1);
        List<String> tokens = List.of(
                offByOne,
                "QUJDREVGR0hJSktMTU5PUF",
                "abc",
                kept.token() + "x",
                "A".repeat(300),
                "..x",
                "x y",
                "%00",
                erased.token());

        Response first = given().get("/a/{token}", tokens.get(0));
        first.then().statusCode(404).body(containsString("Page not found")).body(not(containsString("Zoë")));
        for (String token : tokens) {
            Response other = given().get("/a/{token}", token);
            assertThat(other.statusCode()).as("status for %s", token).isEqualTo(404);
            assertThat(other.body().asString())
                    .as("body for %s", token)
                    .isEqualTo(first.body().asString());
            assertThat(headers(other)).as("headers for %s", token).isEqualTo(headers(first));
            Response calendar = given().get("/a/{token}/calendar.ics", token);
            assertThat(calendar.statusCode()).isEqualTo(404);
            assertThat(calendar.body().asString()).isEqualTo(first.body().asString());
        }
        given().get("/a/{token}", kept.token()).then().statusCode(200);
    }

    @Test
    void shouldAnswerEveryOtherPathUnderTheLinksWithTheSame404() {
        Posted posted = postedNow(session(ENDED, "America/Vancouver", "en", "Zoë"));
        Response unknown = given().get("/a/{token}", "QUJDREVGR0hJSktMTU5PUF");

        for (String path : List.of(
                "/a",
                "/a/",
                "/a/" + posted.token() + "/x",
                "/a/" + posted.token() + "/calendar.ics/x",
                "/a/" + posted.token() + "/x/y")) {
            Response other = given().urlEncodingEnabled(false).get(path);
            assertThat(other.statusCode()).as("status for %s", path).isEqualTo(404);
            assertThat(other.body().asString())
                    .as("body for %s", path)
                    .isEqualTo(unknown.body().asString())
                    .doesNotContain(posted.token());
            assertThat(headers(other)).as("headers for %s", path).isEqualTo(headers(unknown));
        }
        assertThat(headers(given().get("/a/{token}/calendar.ics", "QUJDREVGR0hJSktMTU5PUF")))
                .as("the calendar's 404")
                .isEqualTo(headers(unknown));
    }

    @Test
    void shouldCountRequestsToEveryPathUnderTheLinks() {
        Posted posted = postedNow(session(ENDED, "America/Vancouver", "en", "Zoë"));
        for (int i = 0; i < 30; i++) {
            given().urlEncodingEnabled(false).get("/a/" + posted.token() + "/guess" + i);
        }

        given().get("/a/{token}", posted.token()).then().statusCode(429);
        given().urlEncodingEnabled(false).get("/a/").then().statusCode(429);
    }

    @Test
    void shouldAnswerAnUnknownLinkInTheBrowsersLanguage() {
        Response unknown = given().header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5")
                .get("/a/{token}", "QUJDREVGR0hJSktMTU5PUF");
        Response malformed =
                given().header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5").get("/a/{token}", "abc");

        unknown.then()
                .statusCode(404)
                .body(containsString("<html lang=\"fr\">"))
                .body(containsString("Page introuvable"));
        assertThat(malformed.body().asString()).isEqualTo(unknown.body().asString());
        given().header("Accept-Language", "de-DE")
                .get("/a/{token}", "abc")
                .then()
                .statusCode(404)
                .body(containsString("<html lang=\"en\">"));
    }

    @Test
    void shouldCloseACancelledSessionsPageAndCalendarWith410() {
        Posted posted = postedNow(session(ENDED, "America/Vancouver", "en", "Zoë"));
        given().get("/a/{token}", posted.token()).then().statusCode(200);

        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .delete("/v1/sessions/{id}", posted.sessionId())
                .then()
                .statusCode(200);

        given().get("/a/{token}", posted.token())
                .then()
                .statusCode(410)
                .header("Cache-Control", "no-store")
                .header("X-Robots-Tag", "noindex")
                .body(containsString("This session was cancelled"))
                .body(containsString("Test Clinic"))
                .body(not(containsString("Zoë")));
        given().get("/a/{token}/calendar.ics", posted.token())
                .then()
                .statusCode(410)
                .contentType("text/html")
                .body(not(containsString("BEGIN:VCALENDAR")));
    }

    @Test
    void shouldKeepThePageForItsLifetimeAfterTheLastStepThenSayTheAftercareEnded() {
        Posted posted = postedNow(session(ENDED, "America/Vancouver", "en", "Zoë"));
        Instant lastStep = lastDueAt(Sessions.CLINIC_KEY, posted.sessionId());
        Duration lifetime = Duration.ofDays(120);

        clock.setNow(lastStep.plus(lifetime).minusSeconds(60));
        given().get("/a/{token}", posted.token()).then().statusCode(200).body(containsString("Zoë"));
        // Every step is past by then: the page stays, with nothing left for a calendar.
        given().get("/a/{token}/calendar.ics", posted.token())
                .then()
                .statusCode(404)
                .body(containsString("No steps left"));

        clock.setNow(lastStep.plus(lifetime).plusSeconds(60));
        given().get("/a/{token}", posted.token())
                .then()
                .statusCode(410)
                .body(containsString("This aftercare has ended"))
                .body(containsString("Test Clinic"))
                .body(not(containsString("Zoë")));
        given().get("/a/{token}/calendar.ics", posted.token()).then().statusCode(410);
    }

    @Test
    void shouldNameTheClinicAndItsPhoneOnAnEndedPage() {
        clock.setNow(ENDED.plusMinutes(5).toInstant());
        Posted posted = post(PageFixtures.phoneClinicKey(), session(ENDED, "America/Vancouver", "en", "Zoë"));
        clock.setNow(
                lastDueAt(PageFixtures.phoneClinicKey(), posted.sessionId()).plus(Duration.ofDays(121)));

        given().get("/a/{token}", posted.token())
                .then()
                .statusCode(410)
                .body(containsString(html(PageFixtures.PHONE_CLINIC)))
                .body(containsString("href=\"tel:" + PageFixtures.PHONE_CLINIC_E164 + "\""));
    }

    @Test
    void shouldLimitRequestsPerAddressFoundOrNot() {
        Posted posted = postedNow(session(ENDED, "America/Vancouver", "en", "Zoë"));
        int allowed = 30;
        for (int i = 0; i < allowed; i++) {
            String token = i % 2 == 0 ? posted.token() : "unknownTokenNumber" + (1000 + i);
            int status = given().get("/a/{token}", token).statusCode();
            assertThat(status).as("request %d", i + 1).isIn(200, 404);
        }

        Response refused = given().get("/a/{token}", posted.token());
        refused.then()
                .statusCode(429)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("Too many requests"))
                .body(not(containsString("Zoë")));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        given().get("/a/{token}/calendar.ics", posted.token()).then().statusCode(429);
        given().get("/a/{token}", "unknownTokenNumber9999").then().statusCode(429);
    }

    @Test
    void shouldSpeakTheClientsLanguage() {
        AftercareGuide.Language french = PageFixtures.guide().languages().get("fr");
        Posted posted = postedNow(session(ENDED, "America/Montreal", "fr-CA", "Zoë"));

        given().get("/a/{token}", posted.token())
                .then()
                .statusCode(200)
                .body(containsString("<html lang=\"fr\">"))
                .body(containsString("Jour après jour"))
                .body(containsString(html(french.phases().get(0).title())))
                .body(containsString(html(french.notNormal().whatToDo())));
    }

    @Test
    void shouldShowTheTouchUpDateAfterTheLastSessionAndTheNextSession() {
        Map<String, Object> last = session(ENDED, "America/Vancouver", "en", "Zoë");
        last.put("finalSession", true);
        last.put("nextSessionAt", "2027-01-08T10:00:00-08:00");
        Posted posted = postedNow(last);
        Instant touchUp = Instant.parse(given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/sessions/{id}", posted.sessionId())
                .then()
                .extract()
                .path("reminders.find { it.step == 'touch-up' }.dueAt"));
        assertThat(touchUp).isEqualTo(Instant.parse("2026-12-28T18:00:00Z"));

        given().get("/a/{token}", posted.token())
                .then()
                .statusCode(200)
                .body(containsString("Your touch-up is due around Monday, December 28, 2026."))
                .body(containsString("Your next session"))
                .body(containsString("Friday, January 8, 2027 at 10:00 AM"));
    }

    @Test
    void shouldShowNeitherTouchUpDateNorNextSessionWhenThereIsNone() {
        Posted posted = postedNow(session(ENDED, "America/Vancouver", "en", "Zoë"));

        given().get("/a/{token}", posted.token())
                .then()
                .statusCode(200)
                .body(containsString(html(
                        PageFixtures.guide().languages().get("en").touchUp().text())))
                .body(not(containsString("Your touch-up is due")))
                .body(not(containsString("Your next session")));
    }

    @Test
    void shouldEscapeAHostileFirstName() {
        Posted posted = postedNow(session(ENDED, "America/Vancouver", "en", "Zoë<img src=x onerror=alert(1)>"));

        given().get("/a/{token}", posted.token())
                .then()
                .statusCode(200)
                .body(containsString("Zoë&lt;img src=x onerror=alert(1)&gt;, your aftercare"))
                .body(not(containsString("<img")));
    }

    @Test
    void shouldSendAnHtmlPageForAHeadRequestToo() {
        Posted posted = postedNow(session(ENDED, "America/Vancouver", "en", "Zoë"));

        given().head("/a/{token}", posted.token()).then().statusCode(200).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void shouldLogNeitherTheTokenNorTheClientEvenWhenThePageFails() throws Exception {
        Posted posted = postedNow(session(ENDED, "America/Vancouver", "en", "Zoë"));
        Posted broken = post(session(ENDED, "America/Vancouver", "en", "Ysolde"));
        // A row the service could not have written: the page fails while it is being built.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE client SET time_zone = 'Nowhere/Town' WHERE external_id = ?")) {
            update.setString(1, broken.clientId());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        try (CapturedLog log = CapturedLog.start()) {
            given().get("/a/{token}", posted.token()).then().statusCode(200);
            given().get("/a/{token}/calendar.ics", posted.token()).then().statusCode(200);
            given().get("/a/{token}", "QUJDREVGR0hJSktMTU5PUF").then().statusCode(404);
            given().header("Accept-Language", "fr;q=x;;=,")
                    .get("/a/{token}", "QUJDREVGR0hJSktMTU5PUF")
                    .then()
                    .statusCode(404);
            given().get("/a/{token}", broken.token())
                    .then()
                    .statusCode(500)
                    .header("Cache-Control", "no-store")
                    .body(containsString("Something went wrong"))
                    .body(not(containsString("Ysolde")));

            assertThat(log.text())
                    .contains("A client's aftercare page failed")
                    .doesNotContain(posted.token(), broken.token(), "QUJDREVGR0hJSktMTU5PUF", "Zoë", "Ysolde")
                    .doesNotContain("Vanderkloot", "/a/");
        }
    }

    /** The latest due time of the session's plan texts: its last aftercare step. */
    static Instant lastDueAt(String clinicKey, String sessionId) {
        List<String> due = given().auth()
                .oauth2(clinicKey)
                .get("/v1/sessions/{id}", sessionId)
                .then()
                .statusCode(200)
                .extract()
                .path("reminders.findAll { it.kind == 'PLAN' }.dueAt");
        return due.stream().map(Instant::parse).max(Instant::compareTo).orElseThrow();
    }

    /** Text as an HTML page writes it. */
    static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static Map<String, String> headers(Response response) {
        return response.headers().asList().stream()
                .filter(header -> !header.getName().equalsIgnoreCase("Date"))
                .collect(Collectors.toMap(
                        header -> header.getName().toLowerCase(java.util.Locale.ROOT),
                        Header::getValue,
                        (a, b) -> a + ", " + b,
                        TreeMap::new));
    }
}
