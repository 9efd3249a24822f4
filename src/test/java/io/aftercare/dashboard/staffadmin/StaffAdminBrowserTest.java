package io.aftercare.dashboard.staffadmin;

import static io.aftercare.support.StaffForms.SESSION;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import io.aftercare.staff.StaffClinics;
import io.aftercare.staff.StaffClinics.Invitee;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Browser;
import io.aftercare.support.Browsers;
import io.aftercare.support.StaffForms;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClinics.Clinic;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A manager runs their clinic's staff in Chromium; screenshots app-settings-staff and app-sign-in, both sizes. */
@AftercareTest
class StaffAdminBrowserTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Test
    void shouldInviteSomeoneChangeTheirRoleAndRemoveThem(TestInfo test) {
        Clinic clinic = TestClinics.create();
        Invitee manager = StaffClinics.signedUp(clinic, "Mina Manager", "MANAGER");
        StaffClinics.invite(clinic, "Ines Invited", "STAFF");
        Browser browser = browsers.desktop(test);
        WebDriver driver = browser.driver();
        browsers.signIn(browser, manager.email());
        browser.open(browsers.url("/app/settings/staff"));

        String email = "ana-" + UUID.randomUUID() + "@example.com";
        driver.findElement(By.id("invite-email")).sendKeys(email);
        driver.findElement(By.id("invite-name")).sendKeys("Ana Front Desk");
        new Select(driver.findElement(By.id("invite-role"))).selectByValue("STAFF");
        browser.clickToNextPage(driver.findElement(By.cssSelector(".staff-invite button[type=submit]")));

        // The link is in the answer to the post, and only there.
        String link = driver.findElement(By.id("invitation-link")).getDomProperty("value");
        assertThat(link).matches("http://[^/]+/app/invitation/[A-Za-z0-9_-]{43}");
        assertThat(driver.getCurrentUrl()).endsWith("/app/settings/staff");
        assertThat(row(driver, "Ana Front Desk").getText())
                .contains("a…@example.com")
                .contains("Invited");
        browser.screenshot("app-settings-staff");
        browser.open(browsers.url("/app/settings/staff"));
        assertThat(driver.findElements(By.id("invitation-link"))).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain(link);

        StaffForms.setPassword(link.substring(link.lastIndexOf('/') + 1), StaffForms.PASSWORD);
        String anasSession = StaffForms.sessionOf(email);
        browser.open(browsers.url("/app/settings/staff"));
        assertThat(row(driver, "Ana Front Desk").getText()).contains("Active");

        WebElement ana = row(driver, "Ana Front Desk");
        new Select(ana.findElement(By.cssSelector("select[name=role]"))).selectByValue("MANAGER");
        browser.clickToNextPage(
                ana.findElement(By.cssSelector("button[aria-label='Change the role of Ana Front Desk']")));
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("Role changed. It applies from their next page.");
        assertThat(row(driver, "Ana Front Desk").getText()).contains("Manager");

        browser.clickToNextPage(row(driver, "Ana Front Desk").findElement(By.linkText("Remove…")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Remove Ana Front Desk?");
        browser.clickToNextPage(driver.findElement(By.cssSelector(".staff-remove button[type=submit]")));
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("Removed. They were signed out at once.");
        assertThat(row(driver, "Ana Front Desk").getText()).contains("Removed");
        given().cookie(SESSION, anasSession)
                .redirects()
                .follow(false)
                .get("/app/today")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/app/sign-in"));

        Browser phone = browsers.phone(test);
        browsers.signIn(phone, manager.email());
        phone.open(browsers.url("/app/settings/staff"));
        assertThat(phone.text()).contains("Ana Front Desk").contains("Ines Invited");
        phone.screenshot("app-settings-staff");
    }

    @Test
    void shouldShowTheSignInPageAtBothSizes(TestInfo test) {
        for (Browser browser : new Browser[] {browsers.desktop(test), browsers.phone(test)}) {
            browser.open(browsers.url("/app/sign-in"));
            WebDriver driver = browser.driver();
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to Aftercare");
            assertThat(driver.findElement(By.id("email")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("password")).getDomAttribute("type"))
                    .isEqualTo("password");
            // Nothing runs off the side of a phone.
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .isEqualTo(true);
            browser.screenshot("app-sign-in");
        }
    }

    private static WebElement row(WebDriver driver, String name) {
        return driver.findElements(By.cssSelector(".staff-list tbody tr")).stream()
                .filter(row -> row.findElement(By.tagName("td")).getText().startsWith(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name));
    }
}
