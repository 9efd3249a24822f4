package io.aftercare.reply;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A reply (or a triage term) as triage reads it: lower case, without accents, punctuation and emoji read as spaces.
 * "Ça SAIGNE!!" and "ca saigne" read the same. What would hide a word from triage is read through: characters that
 * show nothing (a zero-width space inside a word), compatibility forms (fullwidth, mathematical bold) and Cyrillic or Greek letters
 * that look Latin.
 */
final class ReplyWords {

    /** Zero-width spaces and joiners, soft hyphens, direction marks, and the Hangul fillers, letters that show nothing. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\u115F\\u1160\\u3164\\uFFA0]+");

    // Hand-written: ICU4J's confusable skeletons would do it, but ICU4J is outside the Quarkus BOM and weighs 14 MB
    // for the few dozen Cyrillic and Greek letters that pass for Latin ones (in the same order as LATIN).
    private static final String LOOKALIKES = "\u0410\u0412\u0415\u041A\u041C\u041D\u041E\u0420\u0421\u0422\u0425\u0423"
            + "\u0405\u0406\u0408\u051A\u051C\u04C0"
            + "\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0455\u0456\u0458\u0501\u04BB\u051B\u051D\u04CF\u043A"
            + "\u0391\u0392\u0395\u0396\u0397\u0399\u039A\u039C\u039D\u039F\u03A1\u03A4\u03A5\u03A7"
            + "\u03B1\u03B9\u03BA\u03BD\u03BF\u03C1\u03C5\u03C7"
            + "\u0131\u0251\u0261";
    private static final String LATIN =
            "ABEKMHOPCTXY" + "SIJQWI" + "aeopcyxsijdhqwlk" + "ABEZHIKMNOPTYX" + "aikvopux" + "iag";

    private ReplyWords() {}

    /** The words of a text, in order. */
    static List<String> words(String text) {
        String plain = plain(text).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return plain.isEmpty() ? List.of() : Arrays.asList(plain.split(" "));
    }

    /**
     * Words spelled out a letter at a time ("b l e e d i n g", "it's p-u-s"): for each run of three or more words of one
     * letter, the run's letters joined and each tail of them, since the run may begin with a stray letter ("s p u s").
     */
    static List<String> spelledOut(List<String> words) {
        List<String> spelled = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i <= words.size(); i++) {
            if (i < words.size() && words.get(i).codePointCount(0, words.get(i).length()) == 1) {
                run.append(words.get(i));
                continue;
            }
            if (run.codePointCount(0, run.length()) >= 3) {
                for (int start = 0; start < run.length() - 1; start = run.offsetByCodePoints(start, 1)) {
                    spelled.add(run.substring(start));
                }
            }
            run.setLength(0);
        }
        return spelled;
    }

    /** The words of each sentence of a text; sentences end at . ! ? ; and line breaks. */
    static List<List<String>> sentences(String text) {
        List<List<String>> sentences = new ArrayList<>();
        for (String sentence : text.split("[.!?;\\n\\r¿¡？！。]+")) {
            List<String> words = words(sentence);
            if (!words.isEmpty()) {
                sentences.add(words);
            }
        }
        return sentences;
    }

    /**
     * Lower case without accents; ligatures written out, so that "œdème" reads "oedeme"; invisible characters dropped,
     * compatibility forms folded (NFKD) and lookalike letters read as the Latin ones they imitate.
     */
    static String plain(String text) {
        String visible = INVISIBLE.matcher(text).replaceAll("");
        String unaccented = Normalizer.normalize(visible, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return latin(unaccented)
                .toLowerCase(Locale.ROOT)
                .replace("œ", "oe")
                .replace("æ", "ae")
                .replace("ß", "ss");
    }

    /** Whether a word draws a letter out for emphasis ("bleeeding", "hoooot"): the same one three times in a row. */
    static boolean drawnOut(String word) {
        for (int i = 2; i < word.length(); i++) {
            if (word.charAt(i) == word.charAt(i - 1) && word.charAt(i) == word.charAt(i - 2)) {
                return true;
            }
        }
        return false;
    }

    /** A word with each run of one letter written once: "bleeeding" and "bleeding" both read "bleding". */
    static String squeezed(String word) {
        StringBuilder squeezed = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            if (i == 0 || word.charAt(i) != word.charAt(i - 1)) {
                squeezed.append(word.charAt(i));
            }
        }
        return squeezed.toString();
    }

    private static String latin(String text) {
        StringBuilder latin = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            int lookalike = LOOKALIKES.indexOf(text.charAt(i));
            latin.append(lookalike < 0 ? text.charAt(i) : LATIN.charAt(lookalike));
        }
        return latin.toString();
    }
}
