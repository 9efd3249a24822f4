package io.aftercare.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Browser;
import io.aftercare.support.Browser.Viewport;
import io.aftercare.support.StaffForms;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/** An invited user chooses a password, signs in and out in headless Chromium; screenshots under target/screenshots. */
@AftercareTest
class StaffSignInBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldSetAPasswordSignInSeeTheirNameAndSignOut(TestInfo test) throws Exception {
        String email = "browser-" + UUID.randomUUID() + "@example.com";
        String token = StaffForms.invite(email, "Bea Browser");
        try (Browser browser = Browser.start(Viewport.DESKTOP, test)) {
            WebDriver driver = browser.driver();
            browser.open(new URL(root, "/app/invitation/" + token));
            assertThat(browser.text()).contains("Welcome, Bea Browser");
            browser.screenshot("set-password");
            driver.findElement(By.id("password")).sendKeys(StaffForms.PASSWORD);
            browser.clickToNextPage(driver.findElement(By.cssSelector("button[type=submit]")));
            assertThat(browser.text()).contains("Your password is set");

            browser.open(new URL(root, "/app/today"));
            assertThat(driver.getCurrentUrl()).endsWith("/app/sign-in");
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("password")).sendKeys(StaffForms.PASSWORD);
            browser.screenshot("sign-in");
            browser.clickToNextPage(driver.findElement(By.cssSelector("button[type=submit]")));

            assertThat(driver.getCurrentUrl()).endsWith("/app/today");
            assertThat(driver.findElement(By.id("signed-in-as")).getText()).isEqualTo("Bea Browser");
            Cookie session = driver.manage().getCookieNamed(StaffForms.SESSION);
            assertThat(session).isNotNull();
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Strict");
            assertThat(session.getPath()).isEqualTo("/app");
            browser.screenshot("home");

            browser.clickToNextPage(driver.findElement(By.cssSelector("form[action='/app/sign-out'] button")));
            assertThat(driver.getCurrentUrl()).endsWith("/app/sign-in");
            assertThat(driver.manage().getCookieNamed(StaffForms.SESSION)).isNull();
            browser.open(new URL(root, "/app/today"));
            assertThat(driver.getCurrentUrl()).endsWith("/app/sign-in");
        }
    }
}
