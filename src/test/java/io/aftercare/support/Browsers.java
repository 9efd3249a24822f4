package io.aftercare.support;

import io.aftercare.support.Browser.Viewport;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Cookie;

/**
 * One headless Chromium per window size for all the tests of a class: started when a test first asks for it, its
 * cookies cleared before each test, quit after the class. Starting Chromium costs about a second; a page test, a
 * fraction of that.
 * <pre>{@code
 * @RegisterExtension
 * static final Browsers browsers = new Browsers();
 *
 * @Test
 * void shouldShowToday(TestInfo test) {
 *     Browser browser = browsers.desktop(test);
 *     browsers.signIn(browser, StaffForms.newUser("Ada"));
 *     browser.open(browsers.url("/app/today"));
 * }
 * }</pre>
 */
public final class Browsers implements BeforeEachCallback, AfterAllCallback {

    private final Map<Viewport, Browser> started = new EnumMap<>(Viewport.class);

    /** The class's 1280×800 browser, its screenshots filed under {@code test}. */
    public Browser desktop(TestInfo test) {
        return at(Viewport.DESKTOP, test);
    }

    /** The class's 390×844 browser, its screenshots filed under {@code test}. */
    public Browser phone(TestInfo test) {
        return at(Viewport.PHONE, test);
    }

    public Browser at(Viewport viewport, TestInfo test) {
        return started.computeIfAbsent(viewport, size -> Browser.start(size, test))
                .forTest(test);
    }

    /** Signs {@code email} (password {@link StaffForms#PASSWORD}) in: the browser gets the session cookie. */
    public void signIn(Browser browser, String email) {
        // A cookie can only be set for the site the browser is on: the sign-in page needs no session.
        browser.open(url("/app/sign-in"));
        browser.driver()
                .manage()
                .addCookie(new Cookie.Builder(StaffForms.SESSION, StaffForms.sessionOf(email))
                        .path("/app")
                        .isHttpOnly(true)
                        .sameSite("Strict")
                        .build());
    }

    /** The address of {@code path} on the application under test. */
    public URL url(String path) {
        try {
            return URI.create(TestHTTPResourceManager.getUri()).resolve(path).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        started.values().forEach(browser -> browser.driver().manage().deleteAllCookies());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        started.values().forEach(Browser::close);
        started.clear();
    }
}
