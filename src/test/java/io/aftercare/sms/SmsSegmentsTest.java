package io.aftercare.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.sms.SmsSegments.Count;
import io.aftercare.sms.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsSegmentsTest {

    @ParameterizedTest(name = "{0} plain characters: {1} segments")
    @CsvSource({"1, 1", "160, 1", "161, 2", "306, 2", "307, 3", "459, 3", "460, 4"})
    void shouldSplitGsm7At160Then153(int length, int segments) {
        assertThat(SmsSegments.of("a".repeat(length))).isEqualTo(new Count(Encoding.GSM_7, length, segments));
    }

    // A split segment holds 76 two-septet characters (152 septets): the 153rd septet cannot take half of one.
    @ParameterizedTest(name = "{0} euro signs: {1} septets, {2} segments")
    @CsvSource({"80, 160, 1", "81, 162, 2", "152, 304, 2", "153, 306, 3"})
    void shouldCountExtensionCharactersTwice(int euros, int septets, int segments) {
        assertThat(SmsSegments.of("€".repeat(euros))).isEqualTo(new Count(Encoding.GSM_7, septets, segments));
    }

    @Test
    void shouldNotSplitAnEscapeAcrossSegments() {
        // 306 septets would fill two segments exactly, but the 2-septet '[' cannot take the 153rd place of the
        // first: it opens the second, which then overflows by one septet into a third.
        String text = "a".repeat(152) + "[" + "a".repeat(152);

        assertThat(SmsSegments.of(text)).isEqualTo(new Count(Encoding.GSM_7, 306, 3));
    }

    @ParameterizedTest(name = "{0} stays GSM-7")
    @CsvSource({"Évitez le soleil: é è à ù ì ò Ç Ø Å Ñ ü ß", "Prix: 5€ [promo] {ok} ~ | \\ ^"})
    void shouldKeepGsmCharactersInGsm7(String text) {
        assertThat(SmsSegments.of(text).encoding()).isEqualTo(Encoding.GSM_7);
    }

    @ParameterizedTest(name = "{0} forces UCS-2")
    @CsvSource({"être", "ça", "crâne", "l’eau", "Zoë", "ok 😊"})
    void shouldFallBackToUcs2ForAnyOtherCharacter(String text) {
        assertThat(SmsSegments.of(text).encoding()).isEqualTo(Encoding.UCS_2);
    }

    @ParameterizedTest(name = "{0} UCS-2 units: {1} segments")
    @CsvSource({"70, 1", "71, 2", "134, 2", "135, 3"})
    void shouldSplitUcs2At70Then67(int length, int segments) {
        assertThat(SmsSegments.of("ê".repeat(length))).isEqualTo(new Count(Encoding.UCS_2, length, segments));
    }

    @Test
    void shouldNotSplitAnEmojiAcrossSegments() {
        // 134 units would fill two segments exactly, but the emoji cannot straddle the 67th unit of the first.
        String text = "ê".repeat(66) + "😊" + "ê".repeat(66);

        assertThat(SmsSegments.of(text)).isEqualTo(new Count(Encoding.UCS_2, 134, 3));
    }

    @Test
    void shouldBillAnEmptyTextAsOneSegment() {
        assertThat(SmsSegments.of("")).isEqualTo(new Count(Encoding.GSM_7, 0, 1));
    }

    @Test
    void shouldNameEachCharacterThatForcesUcs2OnceInOrder() {
        assertThat(SmsSegments.outsideGsm7("Hi Zoë, don’t scratch; Zoë’s fine 😊 ê"))
                .containsExactly("ë", "’", "😊", "ê");
        assertThat(SmsSegments.outsideGsm7("Évitez le soleil: 5€ [promo] é è à"))
                .isEmpty();
    }
}
