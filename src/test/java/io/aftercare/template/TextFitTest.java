package io.aftercare.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.sms.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

class TextFitTest {

    @Test
    void shouldSayWhichCharactersMadeATextUcs2() {
        TextFit fit = TextFit.of("Hi Zoë, don’t scratch. " + "x".repeat(60));

        assertThat(fit.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(fit.segments()).isEqualTo(2);
        assertThat(fit.forcedUcs2By()).containsExactly("ë", "’");
        assertThat(fit.reason()).isEqualTo("UCS-2 because of ë, ’");
    }

    @Test
    void shouldSayHowLongAGsmTextIs() {
        TextFit fit = TextFit.of("a".repeat(200) + "€");

        assertThat(fit.forcedUcs2By()).isEmpty();
        assertThat(fit.reason()).isEqualTo("GSM-7, 202 characters");
    }

    @Test
    void shouldNameAFewCharactersOfAnotherScriptAndCountTheRest() {
        TextFit fit = TextFit.of("Привет, как дела");

        assertThat(fit.forcedUcs2By()).hasSize(10);
        assertThat(fit.reason()).isEqualTo("UCS-2 because of П, р, и, в, е and 5 more");
    }
}
