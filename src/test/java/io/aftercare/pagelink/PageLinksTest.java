package io.aftercare.pagelink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageLinksTest {

    private final PageLinks links = new PageLinks(Optional.of("https://care.example/"));

    @Test
    void shouldIssueLinksOf128RandomBitsUnderTheBaseUrl() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            PageLinks.IssuedLink link = links.issue().orElseThrow();
            assertThat(link.url()).startsWith("https://care.example/a/");
            String token = link.url().substring("https://care.example/a/".length());
            assertThat(PageLinks.wellFormed(token)).isTrue();
            assertThat(link.tokenHash()).isEqualTo(PageLinks.hash(token)).hasSize(32);
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1000);
    }

    @Test
    void shouldGiveASampleLinkAsLongAsARealOne() {
        assertThat(links.sample().orElseThrow())
                .hasSameSizeAs(links.issue().orElseThrow().url())
                .startsWith("https://care.example/a/");
    }

    @Test
    void shouldIssueNothingWhilePagesAreOff() {
        PageLinks off = new PageLinks(Optional.empty());
        assertThat(off.enabled()).isFalse();
        assertThat(off.issue()).isEmpty();
        assertThat(off.sample()).isEmpty();
    }

    @Test
    void shouldRefuseABaseUrlThatIsNotPlainHttp() {
        for (String bad :
                new String[] {"ftp://care.example", "care.example", "https://care.example/?x=1", "https://"}) {
            assertThatThrownBy(() -> new PageLinks(Optional.of(bad)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("aftercare.public-base-url");
        }
    }

    @Test
    void shouldTellMalformedTokensApart() {
        assertThat(PageLinks.wellFormed("AAAAAAAAAAAAAAAAAAAAAA")).isTrue();
        assertThat(PageLinks.wellFormed("AAAAAAAAAAAAAAAAAAAAA")).isFalse();
        assertThat(PageLinks.wellFormed("AAAAAAAAAAAAAAAAAAAAA/")).isFalse();
        assertThat(PageLinks.wellFormed(null)).isFalse();
    }
}
