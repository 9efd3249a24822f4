package io.aftercare.template;

import io.aftercare.sms.SmsSegments;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The forms of a client's first name tried, in order, until a text fits its segments:
 *
 * <ol>
 *   <li>the name as the clinic gave it;
 *   <li>the name in the GSM alphabet: a letter the alphabet lacks loses its accent ({@code Zoë} becomes {@code Zoe}),
 *       since one such letter turns the whole text into UCS-2 and doubles its segments; letters with no such form stay;
 *   <li>the first word of that name, at most {@value #SHORT_NAME_LENGTH} characters (as long as the sample name
 *       every template is checked with);
 *   <li>no name at all ({@link #LEFT_OUT}).
 * </ol>
 */
final class NameShortening {

    static final int SHORT_NAME_LENGTH = 15;

    /**
     * Stands for a name left out; the renderer removes it with the space before it, so "Hi {firstName}, rinse" reads
     * "Hi, rinse". A private-use character, so no real name or text contains it.
     */
    static final String LEFT_OUT = "\uE000";

    private NameShortening() {}

    /** Every form of the name to try, longest first, without repeats; the last is always {@link #LEFT_OUT}. */
    static List<String> forms(String firstName) {
        LinkedHashSet<String> forms = new LinkedHashSet<>();
        forms.add(firstName);
        String gsm = inGsmAlphabet(firstName);
        forms.add(gsm);
        forms.add(firstWord(gsm));
        forms.add(LEFT_OUT);
        return new ArrayList<>(forms);
    }

    /** Removes the stand-in of a name left out, with the space before it. */
    static String withoutLeftOutName(String text) {
        return text.replace(" " + LEFT_OUT, "").replace(LEFT_OUT, "");
    }

    private static String inGsmAlphabet(String name) {
        StringBuilder gsm = new StringBuilder(name.length());
        name.codePoints().forEach(codePoint -> {
            String letter = Character.toString(codePoint);
            if (SmsSegments.isGsm7(letter)) {
                gsm.append(letter);
                return;
            }
            // Decomposed, "ë" is "e" and a combining diaeresis: keep the base letter when the alphabet has it.
            String base = Normalizer.normalize(letter, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            gsm.append(!base.isEmpty() && SmsSegments.isGsm7(base) ? base : letter);
        });
        return gsm.toString();
    }

    private static String firstWord(String name) {
        String word = name.strip().split("\\s+", 2)[0];
        return word.codePointCount(0, word.length()) <= SHORT_NAME_LENGTH
                ? word
                : word.substring(0, word.offsetByCodePoints(0, SHORT_NAME_LENGTH));
    }
}
