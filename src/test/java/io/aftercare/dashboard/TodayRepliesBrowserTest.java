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
import io.aftercare.pause.SendingPauses;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Browser;
import io.aftercare.support.Browsers;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Today and Replies in Chromium, as the clinic's staff use them: a failed text and its reason, a paused clinic, an
 * urgent reply resolved with a note, a client answered through Twilio with the counter live, a hostile reply shown as
 * text, every action on Replies by keyboard alone, and the screenshots of both pages.
 */
@AftercareTest
class TodayRepliesBrowserTest {

    private static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Inject
    SendingPauses pauses;

    @InjectTwilioDouble
    TwilioDouble twilio;

    @Test
    void shouldSignInAndSeeTodayWithAFailedTextAndItsReason(TestInfo test) {
        TestClinic clinic = newClinic();
        twilio.failWith(400, 21211, "The 'To' number is not a valid phone number.");
        TestClient aroha = client(clinic, "Aroha", "Ngata", "Pacific/Auckland", now().minusMinutes(30));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "FAILED".equals(firstText(clinic, aroha).get("status")));
        ClinicTimes.ShownTime due = ClinicTimes.format(
                Instant.parse((String) firstText(clinic, aroha).get("dueAt")),
                VANCOUVER,
                ZoneId.of("Pacific/Auckland"),
                Locale.ENGLISH);

        Browser browser = browsers.desktop(test);
        browsers.signIn(browser, clinic.managerEmail());
        browser.open(browsers.url("/app/today"));

        WebElement failed = browser.driver().findElement(By.cssSelector("#failures tbody tr"));
        assertThat(failed.getText())
                .contains("Aroha Ngata", "Failed", "21211: invalid 'To' number")
                .contains(due.clinic())
                .contains(due.client());
        assertThat(due.client()).endsWith(" · Pacific/Auckland");
        assertThat(failed.findElement(By.tagName("time")).getAttribute("datetime"))
                .isEqualTo(due.iso())
                .endsWith(VANCOUVER.getRules().getOffset(Instant.now()).toString());
    }

    @Test
    void shouldShowThePauseReasonAndWhatToDo(TestInfo test) {
        TestClinic clinic = newClinic();
        pauses.pause(clinic.id(), "Twilio refused the account's credentials (20003)");
        try {
            Browser browser = browsers.desktop(test);
            browsers.signIn(browser, clinic.managerEmail());
            browser.open(browsers.url("/app/today"));

            WebElement banner = browser.driver().findElement(By.cssSelector("section.paused[role=alert]"));
            assertThat(banner.getText())
                    .contains("Texts to clients are not going out")
                    .contains("Twilio refused the account's credentials (20003)")
                    .contains("the service's operator fixes the SMS account, then resumes sending");
        } finally {
            // The service's health counts paused clinics: one left paused would skew later tests' counts.
            pauses.resume(clinic.id());
        }
    }

    @Test
    void shouldResolveAnUrgentReplyWithANote(TestInfo test) {
        TestClinic clinic = newClinic();
        TestClient zoe = client(clinic, "Zoë", "Tremblay", "America/Vancouver", now().minusHours(2));
        TestClient sam = client(clinic, "Sam", "Lee", "America/Vancouver", now().minusHours(2));
        reply(clinic, sam, "Can I wear a cap tomorrow?");
        UUID urgent = reply(clinic, zoe, "My scalp is bleeding and it won't stop");

        Browser browser = browsers.desktop(test);
        browsers.signIn(browser, clinic.managerEmail());
        browser.open(browsers.url("/app/today"));
        String today = browser.driver().findElement(By.id("main")).getText();
        assertThat(today).contains("My scalp is bleeding").doesNotContain("wear a cap");
        assertThat(today.indexOf("My scalp is bleeding")).isLessThan(today.indexOf("Texts due today"));

        browser.open(browsers.url("/app/replies"));
        List<WebElement> listed = browser.driver().findElements(By.cssSelector("article.reply"));
        assertThat(listed).extracting(reply -> reply.getAttribute("id")).startsWith("reply-" + urgent);
        browser.driver()
                .findElement(By.id("note-" + urgent))
                .sendKeys("Called her back: pressure for 10 minutes stopped it.");
        browser.clickToNextPage(browser.driver()
                .findElement(By.cssSelector("form[action='/app/replies/" + urgent + "/resolve'] button")));

        awaitStatus(browser, "The reply is resolved.");
        assertThat(replies(clinic, "resolved"))
                .singleElement()
                .satisfies(resolved -> assertThat(resolved)
                        .containsEntry("id", urgent.toString())
                        .containsEntry("note", "Called her back: pressure for 10 minutes stopped it.")
                        .containsEntry("resolvedBy", clinic.managerActor()));
    }

    @Test
    void shouldAnswerAClientAndSendItThroughTwilio(TestInfo test) {
        TestClinic clinic = newClinic();
        TestClient sam = client(clinic, "Sam", "Lee", "America/Vancouver", now().minusHours(2));
        UUID question = reply(clinic, sam, "Can I wash it tomorrow?");
        String answer = "Not yet, Sam: keep it fully dry until day 4, then rinse gently with warm water only and pat it"
                + " dry. No shampoo before day 10.";
        String more = " Text us a photo if it gets red or sore.";

        Browser browser = browsers.desktop(test);
        browsers.signIn(browser, clinic.managerEmail());
        browser.open(browsers.url("/app/replies"));
        WebElement body = browser.driver().findElement(By.id("body-" + question));
        WebElement counter = browser.driver().findElement(By.id("counter-" + question));
        body.sendKeys(answer);
        await().pollInSameThread()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(counter.getText()).contains("GSM-7 · 1 of 2 segments"));
        body.sendKeys(more);
        await().pollInSameThread()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(counter.getText()).contains("2 of 2 segments"));
        browser.clickToNextPage(browser.driver()
                .findElement(By.cssSelector("form[action='/app/replies/" + question + "/answer'] button")));

        awaitStatus(browser, "The answer is on its way.");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(twilio.messagesTo(sam.phone()))
                        .extracting(form -> form.get("Body"))
                        .contains(clinic.name() + ": " + answer + more));
    }

    @Test
    void shouldShowHostileReplyTextAsText(TestInfo test) {
        TestClinic clinic = newClinic();
        TestClient mallory = client(clinic, "Mallory", "<b>Bold</b>", "America/Vancouver", now().minusHours(2));
        String hostile = "<img src=x onerror=alert(1)> it is bleeding";
        reply(clinic, mallory, hostile);

        Browser browser = browsers.desktop(test);
        browsers.signIn(browser, clinic.managerEmail());
        for (String page : List.of("/app/today", "/app/replies")) {
            browser.open(browsers.url(page));
            assertThat(browser.driver().findElements(By.cssSelector("main img, main b")))
                    .as(page)
                    .isEmpty();
            assertThat(browser.driver().findElement(By.id("main")).getText())
                    .as(page)
                    .contains(hostile, "Mallory <b>Bold</b>");
        }
    }

    @Test
    void shouldReachEveryActionOnRepliesByKeyboardOnly(TestInfo test) {
        TestClinic clinic = newClinic();
        TestClient zoe = client(clinic, "Zoë", "Tremblay", "America/Vancouver", now().minusHours(2));
        TestClient sam = client(clinic, "Sam", "Lee", "America/Vancouver", now().minusHours(2));
        reply(clinic, sam, "Is the redness normal?");
        UUID urgent = reply(clinic, zoe, "There is pus now");
        String at = ClinicTimes.format(receivedAt(clinic, urgent), VANCOUVER, VANCOUVER, Locale.ENGLISH)
                .clinic();

        Browser browser = browsers.desktop(test);
        WebDriver driver = browser.driver();
        browsers.signIn(browser, clinic.managerEmail());
        browser.open(browsers.url("/app/replies"));

        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.script("return document.activeElement.className")).isEqualTo("skip");
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("main");

        List<Long> stops = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            Long index = (Long) browser.script(ACTIONS_IN_MAIN + "return actions.indexOf(document.activeElement);");
            if (!(Boolean) browser.script("return document.getElementById('main').contains(document.activeElement)")) {
                break;
            }
            stops.add(index);
            names.add(driver.switchTo().activeElement().getAccessibleName());
            assertThat(browser.script("var s = getComputedStyle(document.activeElement);"
                            + " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;"))
                    .as("focus ring on " + names.get(names.size() - 1))
                    .isEqualTo(true);
        }

        long actions = (Long) browser.script(ACTIONS_IN_MAIN + "return actions.length;");
        assertThat(actions)
                .as("filters, and per reply: timeline, answer, send, note, resolve")
                .isEqualTo(13);
        assertThat(stops).as("every action, in DOM order").containsExactlyElementsOf(range(actions));
        assertThat(browser.script("return Array.from(document.querySelectorAll('[tabindex]'))"
                        + ".filter(e => e.tabIndex > 0).length"))
                .isEqualTo(0L);
        assertThat(new HashSet<>(names)).as("each action named apart: " + names).hasSameSizeAs(names);
        assertThat(names)
                .contains("Resolve reply from Zoë Tremblay, " + at)
                .contains("Send answer to Zoë Tremblay, " + at);

        // Enter on Send, with the answer typed: the text goes out and focus lands on the status, not the page.
        tabTo(browser, "Answer Zoë Tremblay (reply of " + at + ")");
        new Actions(driver).sendKeys("Please come in today at 3.").perform();
        tabTo(browser, "Send answer to Zoë Tremblay, " + at);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        awaitStatus(browser, "The answer is on its way.");
        assertThat(browser.script("return document.activeElement.getAttribute('role')"))
                .isEqualTo("status");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(twilio.messagesTo(zoe.phone()))
                        .extracting(form -> form.get("Body"))
                        .contains(clinic.name() + ": Please come in today at 3."));

        // Space on Resolve.
        tabTo(browser, "Resolve reply from Zoë Tremblay, " + at);
        new Actions(driver).sendKeys(Keys.SPACE).perform();
        awaitStatus(browser, "The reply is resolved.");
        assertThat(browser.script("return document.activeElement.getAttribute('role')"))
                .isEqualTo("status");
        assertThat(replies(clinic, "resolved"))
                .extracting(reply -> reply.get("id"))
                .containsExactly(urgent.toString());
    }

    @Test
    void shouldTourTodayAndRepliesForScreenshots(TestInfo test) {
        TestClinic empty = newClinic();
        TestClinic clinic = newClinic();
        twilio.failWith(400, 30003, "Unreachable destination handset");
        TestClient noah = client(clinic, "Noah", "Martin", "America/Vancouver", now().minusMinutes(50));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "FAILED".equals(firstText(clinic, noah).get("status")));
        twilio.acceptEverything();
        TestClient zoe = client(clinic, "Zoë", "Tremblay", "America/Vancouver", now().minusMinutes(90));
        TestClient sam = client(clinic, "Sam", "Lee", "America/Toronto", now().minusDays(3));
        client(clinic, "Ana", "Lima", "America/Vancouver", now().minusDays(9));
        reply(clinic, sam, "Is it ok to wear a cap tomorrow? It's sunny out.");
        reply(clinic, zoe, "My scalp is bleeding a bit where it was treated and it won't stop");

        for (Browser browser : List.of(browsers.desktop(test), browsers.phone(test))) {
            browsers.signIn(browser, clinic.managerEmail());
            browser.open(browsers.url("/app/today"));
            assertThat(browser.text()).contains("Noah Martin", "30003", "bleeding");
            browser.screenshot("app-today");
            browser.open(browsers.url("/app/replies"));
            assertThat(browser.text()).contains("wear a cap", "bleeding");
            browser.screenshot("app-replies");
            assertNoSidewaysScroll(browser);

            browser.driver().manage().deleteAllCookies();
            browsers.signIn(browser, empty.managerEmail());
            browser.open(browsers.url("/app/today"));
            assertThat(browser.driver().findElements(By.cssSelector("main .empty")))
                    .hasSize(3);
            browser.screenshot("app-today-empty");
            browser.open(browsers.url("/app/replies"));
            assertThat(browser.driver()
                            .findElement(By.cssSelector("main .empty"))
                            .getText())
                    .contains("No reply here.");
            browser.screenshot("app-replies-empty");
            browser.driver().manage().deleteAllCookies();
        }
    }

    /** Every enabled action inside {@code <main>}, in DOM order. */
    private static final String ACTIONS_IN_MAIN = "var actions = Array.from(document.querySelectorAll("
            + "'main a[href], main button, main input:not([type=hidden]), main textarea, main select'))"
            + ".filter(e => !e.disabled);";

    private static List<Long> range(long size) {
        List<Long> indices = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            indices.add(i);
        }
        return indices;
    }

    /** Presses Tab until the focused element has this accessible name (from wherever focus is). */
    private static void tabTo(Browser browser, String accessibleName) {
        WebDriver driver = browser.driver();
        for (int i = 0; i < 60; i++) {
            if (accessibleName.equals(driver.switchTo().activeElement().getAccessibleName())) {
                return;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("No element named '" + accessibleName + "' is reached by Tab");
    }

    private static void assertNoSidewaysScroll(Browser browser) {
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling at " + browser.viewport())
                .isEqualTo(true);
    }

    /** Waits for the page a form's post led to, and its status message. */
    private static void awaitStatus(Browser browser, String message) {
        await().pollInSameThread()
                .ignoreExceptions()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(browser.driver()
                                .findElement(By.cssSelector("[role=status]"))
                                .getText())
                        .isEqualTo(message));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(VANCOUVER);
    }

    /** The client's first text as the API shows it. */
    private static Map<String, Object> firstText(TestClinic clinic, TestClient client) {
        return given().auth()
                .oauth2(clinic.key())
                .get("/v1/clients/" + client.externalId() + "/reminders")
                .then()
                .statusCode(200)
                .extract()
                .path("reminders[0]");
    }

    private static Instant receivedAt(TestClinic clinic, UUID reply) {
        return replies(clinic, null).stream()
                .filter(listed -> reply.toString().equals(listed.get("id")))
                .map(listed -> Instant.parse((String) listed.get("receivedAt")))
                .findFirst()
                .orElseThrow();
    }
}
