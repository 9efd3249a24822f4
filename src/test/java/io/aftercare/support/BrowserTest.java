package io.aftercare.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aftercare.support.Browser.Viewport;
import io.quarkus.test.common.http.TestHTTPResource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The page-test harness itself: Debian's Chromium starts, opens the running app, and saves what it shows. */
@AftercareTest
class BrowserTest {

    @TestHTTPResource("/v1/clinic")
    URL clinic;

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void shouldOpenTheAppsProblemAnswerAtEachWindowSize(Viewport viewport, TestInfo test) throws IOException {
        try (Browser browser = Browser.start(viewport, test)) {
            browser.open(clinic);

            // No API key: the app's 401 problem, as the browser shows it.
            assertThat(browser.text()).contains("\"status\":401");
            // A phone is a touch screen; the laptop is not.
            assertThat(browser.script("return navigator.maxTouchPoints > 0")).isEqualTo(viewport.mobile);
            Path screenshot = browser.screenshot("clinic-unauthenticated");
            BufferedImage image = ImageIO.read(screenshot.toFile());
            assertThat(image.getWidth()).isEqualTo(viewport.width());
            assertThat(image.getHeight()).isEqualTo(viewport.height());
        }
    }

    @Test
    void shouldFailNotSkipWhenTheBrowserCannotStart(TestInfo test) {
        BrowserBinaries found = BrowserBinaries.find();
        BrowserBinaries noBrowser = new BrowserBinaries(Path.of("/nonexistent/chromium"), found.chromedriver());

        assertThatThrownBy(() -> Browser.start(Viewport.PHONE, test, noBrowser))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Chromium did not start")
                .hasMessageContaining("/nonexistent/chromium");
    }

    @Test
    void shouldNameTheMissingBinaryAndHowToInstallIt() {
        System.setProperty(BrowserBinaries.CHROMEDRIVER_PROPERTY, "/nonexistent/chromedriver");
        try {
            assertThatThrownBy(BrowserBinaries::find)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("/nonexistent/chromedriver")
                    .hasMessageContaining("apt-get install -y chromium chromium-driver");
        } finally {
            System.clearProperty(BrowserBinaries.CHROMEDRIVER_PROPERTY);
        }
    }
}
