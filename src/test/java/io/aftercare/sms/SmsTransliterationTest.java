package io.aftercare.sms;

import static io.aftercare.sms.SmsTransliteration.toGsm7;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsTransliterationTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Zoë             | Zoe
            François        | Francois
            Łukasz          | Lukasz
            Jürgen Groß     | Jürgen Groß
            Chloé           | Chloé
            Zoë Ðorđević    | Zoe Dordevic
            Anaïs Noël      | Anais Noel
            Bjørn Ærø Åse   | Bjørn Ærø Åse
            Søren Kierkegaard | Søren Kierkegaard
            Œdipe Cœur      | OEdipe Coeur
            Þóra Þórðardóttir | Thora Thordardottir
            Yıldız İnce     | Yildiz Ince
            Ştefan Ţurcanu  | Stefan Turcanu
            MAẞE            | MASSE
            Dvořák Škoda    | Dvorak Skoda
            Ñandú           | Ñandu
            crâne, être, ça | crane, etre, ca
            Ça va           | Ça va
            Àngel Èric Ìlia Òscar Ùrsula | Angel Eric Ilia Oscar Ursula
            """)
    void shouldWriteLettersTheAlphabetLacksWithoutTheirAccent(String name, String sms) {
        assertThat(toGsm7(name)).isEqualTo(sms);
    }

    @Test
    void shouldKeepEveryGsmCharacterAsItIs() {
        String gsm = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà\f^{}\\[~]|€";

        assertThat(toGsm7(gsm)).isEqualTo(gsm);
        assertThat(toGsm7("é è ù ì ò à Ä Ö Ñ Ü ä ö ñ ü ß Ç É Ø ø Å å Æ æ"))
                .isEqualTo("é è ù ì ò à Ä Ö Ñ Ü ä ö ñ ü ß Ç É Ø ø Å å Æ æ");
    }

    @Test
    void shouldWriteTypographicPunctuationPlainly() {
        assertThat(toGsm7("‘Don’t’ ‚low‛ 5′")).isEqualTo("'Don't' 'low' 5'");
        assertThat(toGsm7("“Rinse” „gently‟ 6″ «doux» ‹un›")).isEqualTo("\"Rinse\" \"gently\" 6\" \"doux\" 'un'");
        assertThat(toGsm7("day 1–3 — then ‒ −2 ‐ ―")).isEqualTo("day 1-3 - then - -2 - -");
        assertThat(toGsm7("wait…")).isEqualTo("wait...");
        assertThat(toGsm7("l’eau ne doit pas couler")).isEqualTo("l'eau ne doit pas couler");
    }

    @Test
    void shouldWriteEveryUnicodeSpaceAsASpaceAndDropInvisibleCharacters() {
        assertThat(toGsm7("a\u00A0b\u2009c\u202Fd\u3000e\u2003f\u205Fg\u1680h")).isEqualTo("a b c d e f g h");
        assertThat(toGsm7("in\u00ADvis\u200Bi\u2060ble\uFEFF")).isEqualTo("invisible");
        assertThat(toGsm7("no\u200Djoiner\u200Chere")).isEqualTo("nojoinerhere");
    }

    @Test
    void shouldReadFullwidthAndCompatibilityFormsAsTheirLetters() {
        assertThat(toGsm7("ＡＢＣ １２３")).isEqualTo("ABC 123");
        assertThat(toGsm7("ﬁne ﬂat ½ ²")).isEqualTo("fine flat 1/2 2");
        assertThat(toGsm7("\uD835\uDC00\uD835\uDC01")).isEqualTo("AB"); // mathematical bold A and B, surrogate pairs
    }

    @Test
    void shouldComposeALetterWrittenAsABaseAndACombiningMark() {
        assertThat(toGsm7("Chloe\u0301")).isEqualTo("Chloé");
        assertThat(toGsm7("Zoe\u0308")).isEqualTo("Zoe");
        assertThat(toGsm7("a\u0331")).isEqualTo("a");
    }

    @ParameterizedTest(name = "{0} is kept")
    @ValueSource(
            strings = {
                "Анна",
                "Ирина",
                "李小龍",
                "さくら",
                "김민지",
                "Ελένη",
                "שרה",
                "سارة",
                "😊",
                "👍🏽",
                "👨‍👩‍👧",
                "❤️",
                "#️⃣",
                "🇨🇦"
            })
    void shouldKeepWhatHasNoGsmForm(String text) {
        assertThat(toGsm7(text)).isEqualTo(text);
    }

    @Test
    void shouldKeepSurrogatePairsWholeAmidTransliteratedText() {
        String sms = toGsm7("Zoë 😊, don’t scratch 👨‍👩‍👧 — Łukasz 🇨🇦");

        assertThat(sms).isEqualTo("Zoe 😊, don't scratch 👨‍👩‍👧 - Lukasz 🇨🇦");
        for (int i = 0; i < sms.length(); i++) {
            char c = sms.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(Character.isLowSurrogate(sms.charAt(++i))).isTrue();
            } else {
                assertThat(Character.isLowSurrogate(c)).isFalse();
            }
        }
        assertThat(SmsSegments.outsideGsm7(sms)).containsExactly("😊", "👨", "\u200D", "👩", "👧", "🇨", "🇦");
    }

    @Test
    void shouldKeepLettersOfOtherScriptsNextToTransliteratedOnes() {
        assertThat(toGsm7("Zoë (Зоя) — «привет»")).isEqualTo("Zoe (Зоя) - \"привет\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Zoë, don’t scratch — “really”…",
                "Анна Łukasz 😊 ﬁne\u00A0",
                "a\u200Db\u200D😊\u200Dc",
                "Zoe\u0308\u0301 #️⃣ ½",
                "\u0308leading mark",
                "¨ ¸ ˜ ¯"
            })
    void shouldChangeNothingMoreWhenAppliedTwice(String text) {
        String once = toGsm7(text);

        assertThat(toGsm7(once)).isEqualTo(once);
    }

    @Test
    void shouldWriteEveryLatin1AndLatinExtendedALetterInGsm7() {
        List<String> letters = IntStream.rangeClosed(0x00A0, 0x017F)
                .filter(Character::isLetter)
                .mapToObj(Character::toString)
                .toList();

        assertThat(letters).hasSizeGreaterThan(180);
        assertThat(letters)
                .allSatisfy(letter -> assertThat(SmsSegments.isGsm7(toGsm7(letter)))
                        .as("%s (U+%04X) as %s", letter, letter.codePointAt(0), toGsm7(letter))
                        .isTrue());
    }

    @Test
    void shouldTurnTheBuiltInKindOfTextWithOneAccentBackIntoGsm7() {
        String text = "Test Clinic: Hi Zoë, your scalp may look red and feel tight for a few days: that’s normal.";

        assertThat(SmsSegments.of(text).encoding()).isEqualTo(SmsSegments.Encoding.UCS_2);
        assertThat(SmsSegments.of(toGsm7(text)).encoding()).isEqualTo(SmsSegments.Encoding.GSM_7);
    }
}
