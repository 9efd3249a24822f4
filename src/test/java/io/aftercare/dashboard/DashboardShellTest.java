package io.aftercare.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.aftercare.support.Browser;
import io.aftercare.support.Browsers;
import io.aftercare.support.StaffForms;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** What every dashboard page shares: the way in, the headers, the layout and the refusals. */
@QuarkusTest
class DashboardShellTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Test
    void shouldSendTheServiceRootToToday() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/app/"));
        given().redirects()
                .follow(false)
                .get("/app/today")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/app/sign-in"));
        String session = StaffForms.sessionOf(StaffForms.newUser("Shell Tester"));
        given().cookie(StaffForms.SESSION, session)
                .redirects()
                .follow(false)
                .get("/app/")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/app/today"));
    }

    @Test
    void shouldServeEveryPageWithAPolicyThatAllowsNoInlineScriptOrStyle() {
        String session = StaffForms.sessionOf(StaffForms.newUser("Shell Tester"));
        for (String path : new String[] {"/app/today", "/app/sign-in", "/app/assets/app.css", "/app/"}) {
            given().cookie(StaffForms.SESSION, session)
                    .redirects()
                    .follow(false)
                    .get(path)
                    .then()
                    .header(
                            "Content-Security-Policy",
                            equalTo(
                                    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
                                            + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"))
                    .header("Cache-Control", "no-store")
                    .header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff");
        }
        given().get("/app/assets/app.css").then().statusCode(200).contentType(containsString("text/css"));
        given().get("/app/assets/live.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/a/nothing")
                .then()
                .header("Content-Security-Policy", org.hamcrest.Matchers.not(containsString("script-src 'self'")));
    }

    @Test
    void shouldAnswerAMalformedOrUnknownIdWithTheDashboardsOwnPage() {
        // The operator's clinic picker answers an operator without a clinic; a clinic user never sees it.
        String session = StaffForms.sessionOf(StaffForms.newUser("Shell Tester", "STAFF"));
        String page = given().cookie(StaffForms.SESSION, session)
                .get("/app/today")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        assertThat(page)
                .contains("id=\"signed-in-as\">Shell Tester<")
                .doesNotContain("<style")
                .doesNotContain("style=");
        assertThat(page).doesNotContain("href=\"/app/settings\"");
    }

    @Test
    void shouldLoadTheStylesheetAndScriptUnderThePolicyAndLeadKeyboardUsersToTheContent(TestInfo test) {
        Browser browser = browsers.desktop(test);
        browsers.signIn(browser, StaffForms.newUser("Keyboard Kim"));
        browser.open(browsers.url("/app/today"));
        assertThat(browser.script("return getComputedStyle(document.body).margin"))
                .isEqualTo("0px");
        assertThat(browser.script("return document.querySelectorAll('script[src]').length"))
                .isEqualTo(1L);
        browser.driver().findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(browser.script("return document.activeElement.className")).isEqualTo("skip");
        browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("main");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("[aria-current=page]"))
                        .getText())
                .isEqualTo("Today");
    }
}
