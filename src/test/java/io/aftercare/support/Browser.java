package io.aftercare.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium, driven through its chromedriver, at one window size, for one test. Close it (it is
 * {@link AutoCloseable}: try-with-resources) so that neither the browser nor its driver outlives the test:
 * <pre>{@code
 * @Test
 * void shouldShowThePage(TestInfo test) {
 *     try (Browser browser = Browser.start(Browser.Viewport.PHONE, test)) {
 *         browser.open(pageUrl);
 *         browser.screenshot("page");   // target/screenshots/<Class>.<method>/page-phone-390x844.png
 *         assertThat(browser.text()).contains(...);
 *     }
 * }
 * }</pre>
 * A browser that cannot start fails the test with the reason ({@link AssertionError}); it is never skipped.
 */
public final class Browser implements AutoCloseable {

    /** The window sizes pages are checked at, in CSS pixels. */
    public enum Viewport {
        /** A current phone held upright (iPhone 12 to 15): touch, and the page's {@code <meta name=viewport>} obeyed. */
        PHONE(390, 844, true),
        /** The narrowest phone still in use (iPhone SE, first generation): what a page must fit without scrolling sideways. */
        SMALL_PHONE(320, 568, true),
        /** A small laptop. */
        DESKTOP(1280, 800, false);

        final int width;
        final int height;
        final boolean mobile;

        Viewport(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }

        /** {@code phone-390x844}: names the screenshots taken at this size. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT) + "-" + width + "x" + height;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }
    }

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Viewport viewport;
    private final Path screenshots;

    private Browser(ChromeDriver driver, Viewport viewport, Path screenshots) {
        this.driver = driver;
        this.viewport = viewport;
        this.screenshots = screenshots;
    }

    /** A new headless Chromium at {@code viewport}, its screenshots under {@code target/screenshots/<test>/}. */
    public static Browser start(Viewport viewport, TestInfo test) {
        return start(viewport, test, BrowserBinaries.find());
    }

    static Browser start(Viewport viewport, TestInfo test, BrowserBinaries binaries) {
        // The driver's path given explicitly: Selenium Manager, which would download a driver, never runs.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(binaries.chromedriver().toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binaries.chromium().toFile());
        options.addArguments(
                "--headless=new",
                // Headless Chromium's window is at least 500 px wide and loses some height to its frame: the exact
                // viewport comes from the device metrics below, the window only has to hold it.
                "--window-size=" + Math.max(viewport.width, 500) + "," + (viewport.height + 200),
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                // /dev/shm is 64 MB in a container: Chromium writes its shared memory to /tmp instead.
                "--disable-dev-shm-usage",
                // The page under test is the only traffic: no updates, sync or field trials from Google.
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check");
        options.setExperimentalOption(
                "mobileEmulation",
                Map.of(
                        "deviceMetrics",
                        Map.of(
                                "width", viewport.width,
                                "height", viewport.height,
                                "pixelRatio", 1.0,
                                "mobile", viewport.mobile,
                                "touch", viewport.mobile)));
        if (runsAsRoot()) {
            // Chromium refuses to start its sandbox as root; as any other user the sandbox stays on.
            options.addArguments("--no-sandbox");
        }
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            try {
                driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            } catch (WebDriverException e) {
                driver.quit();
                throw e;
            }
            return new Browser(driver, viewport, SCREENSHOTS.resolve(directoryOf(test)));
        } catch (WebDriverException e) {
            service.stop();
            throw new AssertionError(
                    "Chromium did not start (" + binaries.chromium() + " driven by " + binaries.chromedriver() + "): "
                            + e.getMessage(),
                    e);
        }
    }

    /** Loads {@code url} and waits for its {@code load} event. */
    public Browser open(URL url) {
        driver.get(url.toString());
        return this;
    }

    /**
     * Clicks what submits a form or follows a link, and waits until the next page has replaced this one: a click
     * returns before the answer arrives, and what is looked for next must be on the new page.
     */
    public Browser clickToNextPage(WebElement element) {
        WebElement current = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(page -> isGone(current));
        return this;
    }

    private static boolean isGone(WebElement element) {
        try {
            element.getTagName();
            return false;
        } catch (WebDriverException gone) {
            // Stale, or mid-navigation Chromium's "node does not belong to the document": the old page is gone either
            // way.
            return true;
        }
    }

    /** The text of the page as a reader sees it (the {@code body}'s rendered text). */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The result of a script run in the page, e.g. {@code return window.innerWidth}. */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The driver, for what this class does not wrap (finding elements, clicking, reading styles). */
    public WebDriver driver() {
        return driver;
    }

    public Viewport viewport() {
        return viewport;
    }

    /** Saves what the window shows as {@code target/screenshots/<test>/<name>-<viewport>.png} and returns its path. */
    public Path screenshot(String name) {
        Path file = screenshots.resolve(name + "-" + viewport.label() + ".png");
        try {
            Files.createDirectories(screenshots);
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** This browser, its screenshots going under {@code target/screenshots/<test>/}: for a browser shared by tests. */
    Browser forTest(TestInfo test) {
        return new Browser(driver, viewport, SCREENSHOTS.resolve(directoryOf(test)));
    }

    /** Quits the browser and stops its driver. */
    @Override
    public void close() {
        driver.quit();
    }

    private static String directoryOf(TestInfo test) {
        String className = test.getTestClass().map(Class::getSimpleName).orElse("test");
        String method = test.getTestMethod().map(m -> m.getName()).orElse(test.getDisplayName());
        return (className + "." + method).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static boolean runsAsRoot() {
        try {
            // The effective user id, as the kernel sees it: user.name can be anything in a container.
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .map(line -> line.split("\\s+")[2])
                    .anyMatch("0"::equals);
        } catch (IOException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
