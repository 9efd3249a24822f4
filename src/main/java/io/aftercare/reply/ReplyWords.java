package io.aftercare.reply;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A reply (or a triage term) as triage reads it: lower case, without accents, punctuation and emoji read as spaces.
 * "Ça SAIGNE!!" and "ca saigne" read the same.
 */
final class ReplyWords {

    private ReplyWords() {}

    /** The words of a text, in order. */
    static List<String> words(String text) {
        String plain = plain(text).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return plain.isEmpty() ? List.of() : Arrays.asList(plain.split(" "));
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

    /** Lower case without accents; ligatures written out, so that "œdème" reads "oedeme". */
    static String plain(String text) {
        String lower = text.toLowerCase(Locale.ROOT)
                .replace("œ", "oe")
                .replace("æ", "ae")
                .replace("ß", "ss");
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
