package io.aftercare.dashboard.clients;

import static io.aftercare.dashboard.clients.ClientsFixtures.client;
import static io.aftercare.support.TestClinics.numberEndingWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.dashboard.clients.ClientsFixtures.PostedClient;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Browser;
import io.aftercare.support.Browsers;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClinics.Clinic;
import io.aftercare.support.TwilioInbound;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Clients screen in Chromium: search, a client's timeline, cancelling a session through its confirmation. */
@AftercareTest
class ClientsBrowserTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Test
    void shouldFindClientsByNameAndLastDigitsAndCancelASession(TestInfo test) {
        Clinic clinic = TestClinics.create("Ink & Scalp");
        Clinic other = TestClinics.create("Other Studio");
        PostedClient zoe = client(clinic, "Zoë", "Tremblay", numberEndingWith("0123"));
        PostedClient zola = client(clinic, "Marc", "Zola", numberEndingWith("4567"));
        client(clinic, "Sam", "Lee", numberEndingWith("9876"));
        PostedClient erased = client(clinic, "Zoey", "Tremblay", numberEndingWith("0123"));
        TestClinics.erase(clinic, erased.externalId());
        PostedClient namesake = client(other, "Zoë", "Tremblay", numberEndingWith("0123"));
        TwilioInbound.text(zoe.phone(), "Is this redness normal after 2 days?").statusCode(200);
        String manager = ClientsFixtures.staff(clinic, "Maya Manager", "MANAGER");

        Browser browser = browsers.desktop(test);
        browsers.signIn(browser, manager);
        assertThat(search(browser, "zo")).containsExactly(link(zoe), link(zola));
        browser.screenshot("app-clients-search");
        assertThat(search(browser, "tremb")).containsExactly(link(zoe));
        assertThat(search(browser, "0123")).containsExactly(link(zoe)).doesNotContain(link(erased), link(namesake));
        assertThat(browser.driver().findElement(By.cssSelector(".client-list")).getText())
                .contains("Zoë Tremblay", "…0123")
                .doesNotContain(zoe.phone());

        browser.clickToNextPage(browser.driver().findElement(By.linkText("Zoë Tremblay")));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Zoë Tremblay");
        assertThat(browser.text())
                .contains(zoe.phone(), "Pacific/Auckland", "Receiving texts", "Is this redness normal after 2 days?");
        browser.screenshot("app-client-timeline");

        browser.clickToNextPage(browser.driver().findElement(By.linkText("Cancel Treatment session 1")));
        assertThat(browser.text()).contains("Cancel Treatment session 1 of Zoë Tremblay");
        browser.clickToNextPage(browser.driver().findElement(By.cssSelector("form.cancel-session button")));

        assertThat(browser.driver().getCurrentUrl()).endsWith("/app/clients/" + zoe.id() + "?done=cancelled");
        assertThat(browser.driver().findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("Session cancelled. Its texts not yet sent will not go out.");
        assertThat(browser.driver()
                        .findElement(By.id("session-" + zoe.sessionId()))
                        .getText())
                .contains("Cancelled");
        assertThat(ClientsFixtures.sessionStatus(clinic, zoe.sessionId())).isEqualTo("CANCELLED");
        assertThat(ClientsFixtures.sessionStatus(other, namesake.sessionId())).isEqualTo("ACTIVE");

        Browser phone = browsers.phone(test);
        browsers.signIn(phone, manager);
        assertThat(search(phone, "zo")).containsExactly(link(zoe), link(zola));
        phone.screenshot("app-clients-search");
        phone.open(browsers.url("/app/clients/" + zoe.id()));
        assertThat(phone.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .isEqualTo(true);
        phone.screenshot("app-client-timeline");
    }

    @Test
    void shouldAnswerAnotherClinicsClientWithTheDashboardsNotFoundPage(TestInfo test) {
        Clinic clinic = TestClinics.create("Ink & Scalp");
        Clinic other = TestClinics.create("Other Studio");
        PostedClient theirs = client(other, "Bruno", "Secret", numberEndingWith("5555"));

        Browser browser = browsers.desktop(test);
        browsers.signIn(browser, ClientsFixtures.staff(clinic, "Sam Staff", "STAFF"));
        browser.open(browsers.url("/app/clients/" + theirs.id()));

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.text()).doesNotContain("Bruno", "Secret", theirs.phone(), other.name());
        browser.screenshot("app-not-found");
    }

    /** Types {@code words} into the search field as a person would, and answers the links of the clients found. */
    private static List<String> search(Browser browser, String words) {
        browser.open(browsers.url("/app/clients"));
        WebElement field = browser.driver().findElement(By.id("q"));
        field.clear();
        field.sendKeys(words);
        field.submit();
        return browser.driver().findElements(By.cssSelector(".client-list tbody a")).stream()
                .map(a -> a.getDomAttribute("href"))
                .toList();
    }

    private static String link(PostedClient client) {
        return "/app/clients/" + client.id();
    }
}
