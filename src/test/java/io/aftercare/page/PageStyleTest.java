package io.aftercare.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageStyleTest {

    private final PageStyle style = new PageStyle();

    @Test
    void shouldAllowExactlyItsOwnStylesheetAndNoScript() {
        assertThat(style.contentSecurityPolicy())
                .startsWith("default-src 'none'; script-src 'none'; ")
                .contains("style-src '" + PageStyle.hash(style.css().toString()) + "';")
                .doesNotContain("unsafe", "*", "http");
    }

    @Test
    void shouldHashAsBrowsersDo() {
        // The hash CSP gives the empty style element (SHA-256 of no bytes, in base64).
        assertThat(PageStyle.hash("")).isEqualTo("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    }
}
