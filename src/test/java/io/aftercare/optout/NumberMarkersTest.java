package io.aftercare.optout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NumberMarkersTest {

    private static final byte[] SECRET = "a-test-secret-of-at-least-32-characters".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldGiveTheSameMarkerForTheSameNumberAndSecret() {
        assertThat(NumberMarkers.marker(SECRET, "+16045550123"))
                .isEqualTo(NumberMarkers.marker(SECRET, "+16045550123"));
    }

    @Test
    void shouldNotHoldTheNumberNorMatchAnotherNumberOrSecret() {
        String marker = NumberMarkers.marker(SECRET, "+16045550123");

        assertThat(marker)
                .startsWith(NumberMarkers.PREFIX)
                .doesNotContain("6045550123")
                .doesNotContain("+");
        assertThat(NumberMarkers.marker(SECRET, "+16045550124")).isNotEqualTo(marker);
        assertThat(NumberMarkers.marker(
                        "another-secret-of-at-least-32-characters".getBytes(StandardCharsets.UTF_8), "+16045550123"))
                .isNotEqualTo(marker);
    }
}
