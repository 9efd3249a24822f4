package io.aftercare.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Triage against the ways a sign gets written other than the dictionary's: hidden characters and lookalike letters
 * must not make a clear urgent word vanish, and what a worried client types in a hurry (spaced out, drawn out,
 * misspelt, without accents, in SMS French) is still urgent.
 */
class TriageObfuscationTest {

    private static final Triage TRIAGE = TriageVocabulary.builtIn();

    @ParameterizedTest(name = "\"{0}\" is urgent")
    @ValueSource(
            strings = {
                "ble\u200Beding", // zero-width space
                "blee\u00ADding", // soft hyphen
                "bl\u200Deeding", // zero-width joiner
                "bl\u200Ceeding", // zero-width non-joiner
                "bleed\u2060ing", // word joiner
                "ble\uFEFFeding", // byte order mark
                "b\u202Eleeding", // right-to-left override
                "ble\u3164eding", // hangul filler, a letter that shows nothing
                "there is p\u200Bu\u200Bs",
            })
    void shouldSeeThroughInvisibleCharacters(String reply) {
        assertThat(TRIAGE.categorise(reply, List.of())).isEqualTo(ReplyCategory.URGENT);
    }

    @ParameterizedTest(name = "\"{0}\" is urgent")
    @ValueSource(
            strings = {
                "bl\u0435\u0435ding", // Cyrillic е
                "\u0440us on my scalp", // Cyrillic р
                "BL\u0415\u0415DING", // Cyrillic Е
                "h\u03BFt to the touch", // Greek ο
                "\u0456nfected", // Cyrillic і
                "ｂｌｅｅｄｉｎｇ", // fullwidth
                "\uD835\uDC1B\uD835\uDC25\uD835\uDC1E\uD835\uDC1E\uD835\uDC1D", // mathematical bold "bleed"
                "\uD835\uDC01\uD835\uDC0B\uD835\uDC04\uD835\uDC04\uD835\uDC03", // mathematical bold "BLEED"
            })
    void shouldReadLookalikeLettersAsTheLettersTheyImitate(String reply) {
        assertThat(TRIAGE.categorise(reply, List.of())).isEqualTo(ReplyCategory.URGENT);
    }

    @ParameterizedTest(name = "\"{0}\" is urgent")
    @ValueSource(
            strings = {
                "b l e e d i n g",
                "B L E E D I N G",
                "b-l-e-e-d-i-n-g",
                "b.l.e.e.d.i.n.g",
                "it's p u s",
            })
    void shouldReadAWordSpelledOutLetterByLetter(String reply) {
        assertThat(TRIAGE.categorise(reply, List.of())).isEqualTo(ReplyCategory.URGENT);
    }

    @ParameterizedTest(name = "\"{0}\" is urgent")
    @ValueSource(
            strings = {
                "bleeeeding",
                "BLEEEEDING!!!",
                "it's hoooot",
                "sooooore",
                "paaaaain",
                "swolllen",
                "puuuus",
                "ça saiiiigne",
            })
    void shouldReadDrawnOutLetters(String reply) {
        assertThat(TRIAGE.categorise(reply, List.of())).isEqualTo(ReplyCategory.URGENT);
    }

    @ParameterizedTest(name = "\"{0}\" is urgent")
    @ValueSource(
            strings = {
                "bleading",
                "its bleding",
                "still bledding",
                "very swolen",
                "i have a feaver",
                "alergic to the ink?",
                "some alergy",
                "redish patch",
                "high temprature",
                "i have a temp",
                "its bleedin",
            })
    void shouldCatchCommonEnglishMisspellingsAndShorthand(String reply) {
        assertThat(TRIAGE.categorise(reply, List.of())).isEqualTo(ReplyCategory.URGENT);
    }

    @ParameterizedTest(name = "\"{0}\" is urgent")
    @ValueSource(
            strings = {
                "sa seigne",
                "g d la fievr",
                "c tro chau",
                "c cho",
                "hemoragie",
                "c purulant",
                "sa fai mal",
                "c infecte",
                "sa gonfle",
            })
    void shouldCatchFrenchWithoutAccentsMisspeltOrInSmsShorthand(String reply) {
        assertThat(TRIAGE.categorise(reply, List.of())).isEqualTo(ReplyCategory.URGENT);
    }

    @Test
    void shouldStillLeaveOrdinaryRepliesAlone() {
        // Reading harder must not turn ordinary words urgent: whole words still count, not letters anywhere.
        assertThat(TRIAGE.categorise("my child says hi", List.of())).isEqualTo(ReplyCategory.OTHER);
        assertThat(TRIAGE.categorise("Thanks soooo much!!!", List.of())).isEqualTo(ReplyCategory.OTHER);
        assertThat(TRIAGE.categorise("il y a t il un parking", List.of())).isEqualTo(ReplyCategory.OTHER);
        assertThat(TRIAGE.categorise("ok\u200B thanks", List.of())).isEqualTo(ReplyCategory.OTHER);
    }
}
