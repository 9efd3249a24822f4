package io.aftercare.page;

import static io.aftercare.page.PageFixtures.post;
import static io.aftercare.page.PageFixtures.session;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercare.page.PageFixtures.Posted;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Browser;
import io.aftercare.support.Browser.Viewport;
import io.aftercare.support.Browsers;
import io.aftercare.support.PagesOnProfile;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The client's page as a phone and a laptop show it, in headless Chromium; screenshots under
 * {@code target/screenshots/ClientPageBrowserTest.<test>/}.
 */
@AftercareTest
@TestProfile(PagesOnProfile.class)
class ClientPageBrowserTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    /**
     * Two clients' sessions end at this same instant: Tuesday 10:00 in Vancouver (PST), already Wednesday 07:00 in
     * Auckland (NZDT); and both pages are opened at {@link #NOW}.
     */
    private static final OffsetDateTime ENDED = OffsetDateTime.parse("2026-11-02T18:00:00Z");

    /** 01:30 on Thursday 5 November in Vancouver, its client's day 4; 22:30 on the same date in Auckland, day 3. */
    private static final Instant NOW = Instant.parse("2026-11-05T09:30:00Z");

    /** A minimal ratio of the text's colour to its background's: WCAG 2 AA for body text. */
    private static final double AA_CONTRAST = 4.5;

    @TestHTTPResource("/a/")
    URL pages;

    @Inject
    TestClock clock;

    @Inject
    PageRequestLimit limit;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void startCounting() {
        limit.forgetAll();
    }

    @ParameterizedTest
    @EnumSource(
            value = Viewport.class,
            names = {"PHONE", "DESKTOP"})
    void shouldHighlightTodaysPhaseOnEachClientsOwnCalendar(Viewport viewport, TestInfo test) {
        clock.setNow(ENDED.plusMinutes(5).toInstant());
        Posted auckland = post(PageFixtures.phoneClinicKey(), session(ENDED, "Pacific/Auckland", "en", "Zoë"));
        Posted vancouver = post(PageFixtures.phoneClinicKey(), session(ENDED, "America/Vancouver", "en", "Mateo"));
        clock.setNow(NOW);

        Browser browser = browsers.at(viewport, test);
        browser.open(page(auckland));
        assertThat(browser.script("return window.innerWidth")).isEqualTo((long) viewport.width());
        assertToday(browser, "days-1-3", "Days 1 to 3: Tuesday, November 3 to Thursday, November 5");
        assertThat(browser.text()).contains("Zoë, your aftercare");
        assertCallLink(browser);
        assertReadable(browser);
        browser.screenshot("auckland-day-3");

        browser.open(page(vancouver));
        assertToday(browser, "days-4-9", "Days 4 to 9: Thursday, November 5 to Tuesday, November 10");
        assertThat(browser.text()).contains("Mateo, your aftercare");
        assertReadable(browser);
        browser.screenshot("vancouver-day-4");
        // Near the top, a link down to today's phase: no script needed to find it on a phone.
        WebElement jump = browser.driver().findElement(By.cssSelector(".jump a"));
        assertThat(jump.getText()).isEqualTo("Today is day 4: " + title("days-4-9"));
        jump.click();
        assertThat(browser.driver().getCurrentUrl()).endsWith("#phase-days-4-9");
        browser.screenshot("vancouver-day-4-today");
    }

    @ParameterizedTest
    @EnumSource(
            value = Viewport.class,
            names = {"PHONE", "DESKTOP"})
    void shouldSayACancelledSessionsPageIsClosedAndOfferACall(Viewport viewport, TestInfo test) {
        clock.setNow(ENDED.plusMinutes(5).toInstant());
        Posted posted = post(PageFixtures.phoneClinicKey(), session(ENDED, "America/Vancouver", "en", "Zoë"));
        given().auth()
                .oauth2(PageFixtures.phoneClinicKey())
                .delete("/v1/sessions/{id}", posted.sessionId())
                .then()
                .statusCode(200);

        assertClosedPage(viewport, test, posted, "This session was cancelled", "cancelled");
    }

    @ParameterizedTest
    @EnumSource(
            value = Viewport.class,
            names = {"PHONE", "DESKTOP"})
    void shouldSayAnExpiredLinksAftercareHasEnded(Viewport viewport, TestInfo test) {
        clock.setNow(ENDED.plusMinutes(5).toInstant());
        Posted posted = post(PageFixtures.phoneClinicKey(), session(ENDED, "America/Vancouver", "en", "Zoë"));
        clock.setNow(ClientPageTest.lastDueAt(PageFixtures.phoneClinicKey(), posted.sessionId())
                .plus(Duration.ofDays(121)));

        assertClosedPage(viewport, test, posted, "This aftercare has ended", "expired");
    }

    /** A closed page: its heading, the clinic to call, never the client's name, readable; and its screenshot. */
    private void assertClosedPage(
            Viewport viewport, TestInfo test, Posted posted, String expectedHeading, String screenshot) {
        Browser browser = browsers.at(viewport, test);
        browser.open(page(posted));
        assertThat(heading(browser)).isEqualTo(expectedHeading);
        assertThat(browser.text()).contains(PageFixtures.PHONE_CLINIC).doesNotContain("Zoë");
        assertCallLink(browser);
        assertReadable(browser);
        browser.screenshot(screenshot);
    }

    @ParameterizedTest
    @EnumSource(
            value = Viewport.class,
            names = {"PHONE", "DESKTOP"})
    void shouldShowTheSameNotFoundPageForAWrongAMalformedAndAnErasedClientsLink(Viewport viewport, TestInfo test) {
        clock.setNow(ENDED.plusMinutes(5).toInstant());
        Posted erased = post(session(ENDED, "America/Vancouver", "en", "Zoë"));

        Browser browser = browsers.at(viewport, test);
        browser.open(page(erased));
        assertThat(heading(browser)).isEqualTo("Zoë, your aftercare");
        // The day-1 text may be on its way at this moment: erasure then answers 409 and is tried again, as the API
        // says.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> given().auth()
                                .oauth2(Sessions.CLINIC_KEY)
                                .delete("/v1/clients/{id}", erased.clientId())
                                .statusCode()
                        == 200);

        browser.open(page("AAAAAAAAAAAAAAAAAAAAAA"));
        String wrong = browser.driver().getPageSource();
        assertThat(heading(browser)).isEqualTo("Page not found");
        assertReadable(browser);
        browser.screenshot("wrong-token");

        browser.open(page("not-a-token!"));
        assertThat(browser.driver().getPageSource()).isEqualTo(wrong);
        browser.screenshot("malformed-token");

        browser.open(page(erased));
        assertThat(browser.driver().getPageSource()).isEqualTo(wrong);
        browser.screenshot("erased-client");
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void shouldFitTheScreenWithoutScrollingSideways(Viewport viewport, TestInfo test) {
        clock.setNow(ENDED.plusMinutes(5).toInstant());
        Map<String, Object> last = session(ENDED, "America/Vancouver", "fr", "Marie-Bernadette-Élisabeth-Antoinette");
        last.put("finalSession", true);
        last.put("nextSessionAt", "2027-01-08T10:00:00-08:00");
        Posted posted = post(PageFixtures.phoneClinicKey(), last);
        clock.setNow(NOW);

        Browser browser = browsers.at(viewport, test);
        browser.open(page(posted));
        assertThat(browser.script("return window.innerWidth")).isEqualTo((long) viewport.width());
        assertNoSidewaysScroll(browser);
        assertThat(browser.text()).contains("Votre prochaine séance", "Aujourd'hui");
        browser.screenshot("french-final-session");

        browser.open(page("AAAAAAAAAAAAAAAAAAAAAA"));
        assertNoSidewaysScroll(browser);
    }

    @ParameterizedTest
    @EnumSource(
            value = Viewport.class,
            names = {"PHONE", "DESKTOP"})
    void shouldShowTheFirstNameOnlyNeverTheSurnameNumberOrIds(Viewport viewport, TestInfo test) {
        clock.setNow(ENDED.plusMinutes(5).toInstant());
        Map<String, Object> post = session(ENDED, "America/Vancouver", "en", "Zoë");
        Posted posted = post(post);
        Map<String, Object> client = Sessions.client(post);
        String phoneDigits = ((String) client.get("phone")).replaceAll("\\D", "");
        Map<String, Object> stored = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/sessions/{id}", posted.sessionId())
                .then()
                .extract()
                .path("");
        String clinicId = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic")
                .then()
                .extract()
                .path("id");

        Browser browser = browsers.at(viewport, test);
        browser.open(page(posted));
        String source = browser.driver().getPageSource();
        assertThat(browser.text()).contains("Zoë");
        assertThat(source)
                .doesNotContain((String) client.get("lastName"))
                .doesNotContain((String) client.get("id"))
                .doesNotContain((String) post.get("sessionId"))
                .doesNotContain((String) stored.get("id"))
                .doesNotContain(clinicId);
        assertThat(source.replaceAll("\\D", "")).doesNotContain(phoneDigits.substring(1));
        browser.screenshot("first-name-only");
    }

    @ParameterizedTest
    @EnumSource(
            value = Viewport.class,
            names = {"PHONE", "DESKTOP"})
    void shouldShowTheClinicsOwnWordsAsTextAndNeverEvaluateHostileWording(Viewport viewport, TestInfo test)
            throws Exception {
        clock.setNow(ENDED.plusMinutes(5).toInstant());
        String ownWords = "Hi {firstName}, rinse with lukewarm water only <script>alert('owned')</script> & pat dry.";
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("template", ownWords))
                .put("/v1/clinic/templates/day-4/en")
                .then()
                .statusCode(200);
        // Stored before today's rules for clinic text, as the sandbox must still meet it: the API refuses it now.
        storeWording("days-1-3", "en", "{#include page/aftercare /}{inject:pageLinks.baseUrl} Hi {firstName}");
        Posted posted = post(session(ENDED, "America/Vancouver", "en", "Zoë"));
        clock.setNow(NOW);

        Browser browser = browsers.at(viewport, test);
        browser.open(page(posted));
        WebElement dayFour = browser.driver().findElement(By.id("phase-days-4-9"));
        assertThat(dayFour.findElement(By.className("own-words")).getText())
                .isEqualTo("Hi Zoë, rinse with lukewarm water only <script>alert('owned')</script> & pat dry.");
        assertThat(dayFour.getText()).contains("In your clinic's words");
        assertThat(browser.script("return document.scripts.length")).isEqualTo(0L);
        WebElement firstDays = browser.driver().findElement(By.id("phase-days-1-3"));
        assertThat(firstDays.findElements(By.className("own-words"))).isEmpty();
        assertThat(browser.driver().getPageSource())
                .doesNotContain("{#include", "{inject:", PagesOnProfile.BASE_URL + " Hi");
        assertThat(browser.driver().findElements(By.tagName("h1"))).hasSize(1);
        browser.script("arguments[0].scrollIntoView()", dayFour);
        browser.screenshot("clinic-words");
    }

    private void storeWording(String step, String language, String wording) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO template_override (id, clinic_id, step, language, template, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, now())")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(
                    2,
                    UUID.fromString(given().auth()
                            .oauth2(Sessions.CLINIC_KEY)
                            .get("/v1/clinic")
                            .then()
                            .extract()
                            .path("id")));
            insert.setString(3, step);
            insert.setString(4, language);
            insert.setString(5, wording);
            insert.executeUpdate();
        }
    }

    /** The English guide's title of a phase. */
    private static String title(String phaseKey) {
        return PageFixtures.guide().languages().get("en").phases().stream()
                .filter(candidate -> candidate.key().equals(phaseKey))
                .findFirst()
                .orElseThrow()
                .title();
    }

    /** Exactly one phase is today's: marked for screen readers, labelled and styled apart. */
    private static void assertToday(Browser browser, String phaseKey, String when) {
        List<WebElement> current = browser.driver().findElements(By.cssSelector("[aria-current]"));
        assertThat(current).hasSize(1);
        WebElement today = current.get(0);
        assertThat(today.getAttribute("id")).isEqualTo("phase-" + phaseKey);
        assertThat(today.getAttribute("aria-current")).isEqualTo("step");
        assertThat(today.getAttribute("class")).contains("phase-today");
        assertThat(today.findElement(By.tagName("h3")).getText()).isEqualTo(title(phaseKey));
        WebElement label = today.findElement(By.className("today"));
        assertThat(label.isDisplayed()).isTrue();
        assertThat(label.getText()).isEqualTo("Today");
        assertThat(today.findElement(By.className("when")).getText()).isEqualTo(when);
        assertThat(browser.driver().findElements(By.className("phase-today"))).hasSize(1);
        WebElement other = browser.driver()
                .findElements(By.cssSelector(".phase:not(.phase-today)"))
                .get(0);
        assertThat(today.getCssValue("background-color")).isNotEqualTo(other.getCssValue("background-color"));
    }

    private static void assertCallLink(Browser browser) {
        WebElement call = browser.driver().findElement(By.cssSelector("a[href^='tel:']"));
        assertThat(call.getAttribute("href")).isEqualTo("tel:" + PageFixtures.PHONE_CLINIC_E164);
        assertThat(call.getText()).isEqualTo("Call +1 604-555-0188");
        assertThat(call.getSize().getHeight()).isGreaterThanOrEqualTo(44);
    }

    /** One h1, no heading level skipped, no sideways scroll, and every text at WCAG AA contrast. */
    private static void assertReadable(Browser browser) {
        assertThat(browser.driver().findElements(By.tagName("h1"))).hasSize(1);
        @SuppressWarnings("unchecked")
        List<Long> levels = (List<Long>) browser.script(
                "return [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1]))");
        for (int i = 1; i < levels.size(); i++) {
            assertThat(levels.get(i))
                    .as("heading %d after h%d", i, levels.get(i - 1))
                    .isLessThanOrEqualTo(levels.get(i - 1) + 1);
        }
        assertNoSidewaysScroll(browser);
        assertThat(((Number) browser.script(LOWEST_CONTRAST)).doubleValue()).isGreaterThanOrEqualTo(AA_CONTRAST);
    }

    private static void assertNoSidewaysScroll(Browser browser) {
        assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scroll at %d px", browser.viewport().width())
                .isTrue();
    }

    private static String heading(Browser browser) {
        return browser.driver().findElement(By.tagName("h1")).getText();
    }

    private URL page(Posted posted) {
        return page(posted.token());
    }

    private URL page(String token) {
        try {
            return new URL(pages, token);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * The lowest contrast ratio (WCAG 2) of any element's own text against the first opaque background behind it.
     * The page sets every background as an opaque colour, never an image, so this is the colour the reader sees.
     */
    private static final String LOWEST_CONTRAST = """
            const rgb = c => c.match(/[\\d.]+/g).map(Number);
            const lum = c => { const [r, g, b] = rgb(c).slice(0, 3).map(v => { v /= 255;
                return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const opaque = c => { const v = rgb(c); return v.length < 4 || v[3] === 1; };
            const background = e => { for (let n = e; n; n = n.parentElement) {
                const c = getComputedStyle(n).backgroundColor; if (opaque(c)) return c; } return 'rgb(255, 255, 255)'; };
            let lowest = 21;
            for (const e of document.body.querySelectorAll('*')) {
                const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
                if (!own || e.offsetParent === null) continue;
                const a = lum(getComputedStyle(e).color), b = lum(background(e));
                lowest = Math.min(lowest, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
            }
            return lowest;
            """;
}
