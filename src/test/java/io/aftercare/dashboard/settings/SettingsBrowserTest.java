package io.aftercare.dashboard.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.aftercare.pause.SendingPauses;
import io.aftercare.support.Browser;
import io.aftercare.support.Browsers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A clinic's manager changes the Settings in Chromium: quiet hours, a wording refused past the segment limit before
 * and at saving, a key shown once and revoked, webhook endpoints and their deliveries. Each test has a clinic of its
 * own; screenshots under target/screenshots.
 */
@QuarkusTest
class SettingsBrowserTest {

    /** Three SMS segments with the sample client's long name: the preview and Save both refuse it. */
    private static final String TOO_LONG = "{clinicName}: {firstName}, " + "rinse gently, pat it dry. ".repeat(12);

    private static final String HOOK = "http://127.0.0.1:9/settings-browser";

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Inject
    SendingPauses pauses;

    @Test
    void shouldChangeQuietHours(TestInfo test) {
        SettingsClinic clinic = SettingsClinic.create();
        Browser browser = signedIn(browsers.desktop(test), clinic);

        changeQuietHours(browser, "22:00", "07:30");

        clinic.api()
                .get("/v1/clinic/settings")
                .then()
                .statusCode(200)
                .body("quietHours.start", equalTo("22:00"))
                .body("quietHours.end", equalTo("07:30"));
    }

    @Test
    void shouldRefuseAWordingPastTheSegmentLimit(TestInfo test) {
        SettingsClinic clinic = SettingsClinic.create();
        Browser browser = signedIn(browsers.desktop(test), clinic);

        refuseAWording(browser);

        clinic.api().get("/v1/clinic/templates/day-4/en").then().statusCode(200).body("overridden", equalTo(false));
    }

    @Test
    void shouldSaveAWordingThePreviewAcceptsAndGoBackToThePlansWords(TestInfo test) {
        SettingsClinic clinic = SettingsClinic.create();
        Browser browser = signedIn(browsers.desktop(test), clinic);
        WebDriver driver = browser.driver();
        browser.open(browsers.url("/app/settings/wording/day-4/en"));
        WebElement text = driver.findElement(By.id("template"));
        text.clear();
        text.sendKeys("{clinicName}: Zoë, rinse gently with warm water from today.");

        String preview = awaitPreview(browser, "warm water from today.", "Saving would accept this text.");
        assertThat(preview).contains("GSM-7 · ").doesNotContain("UCS-2");
        browser.clickToNextPage(driver.findElement(By.cssSelector(".actions button:not([name])")));

        awaitStatus(driver, "The wording is saved");
        clinic.api()
                .get("/v1/clinic/templates/day-4/en")
                .then()
                .body("overridden", equalTo(true))
                .body("sample", equalTo(clinic.name() + ": Zoe, rinse gently with warm water from today."));
        browser.clickToNextPage(driver.findElement(By.cssSelector("form[action$='/reset'] button")));
        awaitStatus(driver, "The plan's words are back");
        clinic.api().get("/v1/clinic/templates/day-4/en").then().body("overridden", equalTo(false));
    }

    @Test
    void shouldIssueAKeyShownOnceAndRevokeIt(TestInfo test) {
        SettingsClinic clinic = SettingsClinic.create();
        Browser browser = signedIn(browsers.desktop(test), clinic);
        WebDriver driver = browser.driver();

        String key = issueAKey(browser);

        clinic.api().get("/v1/clinic").then().statusCode(200); // the clinic's first key still works too
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(key)
                .get("/v1/clinic")
                .then()
                .statusCode(200)
                .body("id", equalTo(clinic.id().toString()));
        browser.open(browsers.url("/app/settings/keys"));
        String prefix = key.substring(0, 10);
        assertThat(driver.getPageSource()).doesNotContain(key).contains(prefix + "…");
        browser.clickToNextPage(driver.findElements(By.cssSelector("form[action$='/revoke'] button")).stream()
                .filter(button -> button.getText().equals("Revoke key " + prefix + "…"))
                .findFirst()
                .orElseThrow());

        awaitStatus(driver, "The key is revoked");
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(key)
                .get("/v1/clinic")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldListWebhookEndpointsWithTheirDeliveries(TestInfo test) {
        SettingsClinic clinic = SettingsClinic.create();
        Browser browser = signedIn(browsers.desktop(test), clinic);

        addAnEndpointAndSeeItsDeliveries(browser, clinic);

        clinic.api()
                .get("/v1/clinic/webhooks")
                .then()
                .body("url", equalTo(List.of(HOOK)))
                .body("[0].events", equalTo(List.of("clinic.sending_paused")))
                .body("[0].previousSecretValidUntil", nullValue());
    }

    @Test
    void shouldTourTheSettingsOnAPhone(TestInfo test) {
        SettingsClinic clinic = SettingsClinic.create();
        Browser browser = signedIn(browsers.phone(test), clinic);

        changeQuietHours(browser, "21:30", "08:00");
        refuseAWording(browser);
        issueAKey(browser);
        addAnEndpointAndSeeItsDeliveries(browser, clinic);
    }

    private Browser signedIn(Browser browser, SettingsClinic clinic) {
        browsers.signIn(browser, clinic.user("Mona Manager", "MANAGER"));
        return browser;
    }

    private static void changeQuietHours(Browser browser, String start, String end) {
        WebDriver driver = browser.driver();
        browser.open(browsers.url("/app/settings"));
        assertThat(driver.getCurrentUrl()).endsWith("/app/settings/sending");
        assertThat(driver.findElement(By.id("quiet-hours-local")).getText()).contains("each client's local time");
        setTime(browser, "quietHoursStart", start);
        setTime(browser, "quietHoursEnd", end);
        browser.screenshot("app-settings-sending");
        browser.clickToNextPage(driver.findElement(By.cssSelector("#sending-form button[type=submit]")));

        awaitStatus(driver, "The sending settings are saved.");
        assertThat(driver.findElement(By.id("quietHoursStart")).getAttribute("value"))
                .isEqualTo(start);
        assertThat(driver.findElement(By.id("quietHoursEnd")).getAttribute("value"))
                .isEqualTo(end);
    }

    /** Types a time as a person does: Chromium's time field takes the hour, minutes and AM/PM in turn. */
    private static void setTime(Browser browser, String id, String time) {
        int hour = Integer.parseInt(time.substring(0, 2));
        String twelveHour =
                "%02d%s%s".formatted(hour % 12 == 0 ? 12 : hour % 12, time.substring(3), hour < 12 ? "A" : "P");
        WebElement field = browser.driver().findElement(By.id(id));
        field.sendKeys(twelveHour); // focus lands on the hour; a click could land on AM/PM

        assertThat(field.getAttribute("value")).isEqualTo(time);
    }

    private static void refuseAWording(Browser browser) {
        WebDriver driver = browser.driver();
        browser.open(browsers.url("/app/settings/wording"));
        browser.screenshot("app-settings-wording");
        browser.clickToNextPage(driver.findElement(By.linkText("Edit day-4 in en")));
        WebElement text = driver.findElement(By.id("template"));
        text.clear();
        text.sendKeys(TOO_LONG);

        String preview =
                awaitPreview(browser, "rinse gently, pat it dry. ".repeat(12).strip(), "Saving would be refused:");
        assertThat(preview)
                .contains("Maximilianne-Jo")
                .containsPattern("GSM-7 · \\d+ characters · 3 of 2 segments · 3 segments, at most 2")
                .contains("takes 3 SMS segments");
        browser.script("document.getElementById('preview-verdict').scrollIntoView({block: 'center'})");
        browser.screenshot("app-settings-wording-preview");
        browser.clickToNextPage(driver.findElement(By.cssSelector(".actions button:not([name])")));

        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(
                                driver.findElement(By.id("preview-verdict")).getText())
                        .startsWith("Not saved:")
                        .contains("takes 3 SMS segments (GSM_7"));
        assertThat(driver.findElement(By.id("template")).getAttribute("value")).isEqualTo(TOO_LONG);
        browser.script("document.getElementById('preview-verdict').scrollIntoView({block: 'center'})");
        browser.screenshot("app-settings-wording-refused");
    }

    /** Waits for the page a form's post led to, with its status message. */
    private static void awaitStatus(WebDriver driver, String message) {
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(driver.findElement(By.cssSelector("[role=status]"))
                                .getText())
                        .contains(message));
    }

    /**
     * Waits for the live preview of the whole text typed (each pause in typing brings one), with its verdict; the
     * preview's text then, read at once since each answer replaces its elements.
     */
    private static String awaitPreview(Browser browser, String lastWords, String verdict) {
        String[] preview = new String[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            preview[0] = (String) browser.script("return document.getElementById('preview').innerText");
            assertThat(preview[0]).contains(lastWords).contains(verdict);
        });
        return preview[0];
    }

    private static String issueAKey(Browser browser) {
        WebDriver driver = browser.driver();
        browser.open(browsers.url("/app/settings/keys"));
        driver.findElement(By.id("label")).sendKeys("Booking system");
        browser.clickToNextPage(driver.findElement(By.cssSelector("form.issue-key button")));

        String key = driver.findElement(By.id("issued-key")).getText();
        assertThat(key).startsWith("ak_").hasSizeGreaterThan(40);
        assertThat(driver.getCurrentUrl()).endsWith("/app/settings/keys");
        browser.screenshot("app-settings-keys-issued");
        return key;
    }

    private void addAnEndpointAndSeeItsDeliveries(Browser browser, SettingsClinic clinic) {
        WebDriver driver = browser.driver();
        browser.open(browsers.url("/app/settings/webhooks"));
        assertThat(driver.findElement(By.cssSelector(".empty")).getText()).contains("no webhook endpoint");
        driver.findElement(By.id("url")).sendKeys(HOOK);
        driver.findElement(By.cssSelector("input[name=events][value='clinic.sending_paused']"))
                .click();
        browser.clickToNextPage(driver.findElement(By.cssSelector("form.new-endpoint button")));
        assertThat(driver.findElement(By.id("webhook-secret")).getText()).startsWith("whsec_");

        pauses.pause(clinic.id(), "21608: a test's pause, for a delivery to show");
        try {
            browser.open(browsers.url("/app/settings/webhooks"));
            assertThat(driver.findElement(By.cssSelector(".endpoint-url")).getText())
                    .contains(HOOK);
            assertThat(driver.getPageSource()).doesNotContain("whsec_");
            browser.screenshot("app-settings-webhooks");
            browser.clickToNextPage(driver.findElement(By.linkText("Recent deliveries to " + HOOK)));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                driver.navigate().refresh();
                assertThat(driver.findElements(By.cssSelector("tr.delivery"))).hasSize(1);
            });
            assertThat(driver.findElement(By.cssSelector("tr.delivery")).getText())
                    .contains("clinic.sending_paused");
            browser.screenshot("app-settings-webhook-deliveries");
        } finally {
            pauses.resume(clinic.id());
        }
    }
}
