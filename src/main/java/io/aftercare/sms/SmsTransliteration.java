package io.aftercare.sms;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a text in the GSM 03.38 alphabet where it can, so that one {@code ë} or {@code ’} does not turn a whole text
 * into UCS-2 and multiply its segments: a character the alphabet has stays as it is ({@code é}, {@code Ä}, {@code ß});
 * any other takes its nearest form in the alphabet ({@code Zoë} becomes {@code Zoe}, {@code “quotes”} become
 * {@code "quotes"}, {@code —} becomes {@code -}, a no-break space a space; zero-width characters and soft hyphens go);
 * a character with no such form (Cyrillic, CJK, an emoji) is kept, and the text then travels as UCS-2.
 */
// Hand-written: ICU4J's Transliterator is ~14 MB for a handful of Latin letters and punctuation; NFKD is the JDK's.
// Over 150 lines: a third of it is the table of what NFKD does not take apart.
public final class SmsTransliteration {

    /** What neither the alphabet has nor NFKD takes apart into letters it has; looked up before and after NFKD. */
    private static final Map<Integer, String> TABLE = Map.ofEntries(
            Map.entry((int) 'Ł', "L"),
            Map.entry((int) 'ł', "l"),
            Map.entry((int) 'Đ', "D"),
            Map.entry((int) 'đ', "d"),
            Map.entry((int) 'Ð', "D"),
            Map.entry((int) 'ð', "d"),
            Map.entry((int) 'Œ', "OE"),
            Map.entry((int) 'œ', "oe"),
            Map.entry((int) 'ı', "i"),
            Map.entry((int) 'Þ', "Th"),
            Map.entry((int) 'þ', "th"),
            Map.entry((int) 'ẞ', "SS"),
            Map.entry((int) 'Ħ', "H"),
            Map.entry((int) 'ħ', "h"),
            Map.entry((int) 'Ŧ', "T"),
            Map.entry((int) 'ŧ', "t"),
            Map.entry((int) 'Ŋ', "N"),
            Map.entry((int) 'ŋ', "n"),
            Map.entry((int) 'Ŀ', "L"),
            Map.entry((int) 'ŀ', "l"),
            Map.entry((int) 'ĸ', "k"),
            Map.entry((int) 'µ', "u"),
            Map.entry((int) '‘', "'"),
            Map.entry((int) '’', "'"),
            Map.entry((int) '‚', "'"),
            Map.entry((int) '‛', "'"),
            Map.entry((int) '′', "'"),
            Map.entry((int) 'ʼ', "'"),
            Map.entry((int) '`', "'"),
            Map.entry((int) '´', "'"),
            Map.entry((int) '‹', "'"),
            Map.entry((int) '›', "'"),
            Map.entry((int) '“', "\""),
            Map.entry((int) '”', "\""),
            Map.entry((int) '„', "\""),
            Map.entry((int) '‟', "\""),
            Map.entry((int) '″', "\""),
            Map.entry((int) '«', "\""),
            Map.entry((int) '»', "\""),
            Map.entry((int) '‐', "-"),
            Map.entry((int) '‒', "-"),
            Map.entry((int) '–', "-"),
            Map.entry((int) '—', "-"),
            Map.entry((int) '―', "-"),
            Map.entry((int) '−', "-"),
            Map.entry((int) '⁄', "/"),
            Map.entry((int) '…', "..."),
            Map.entry(0x00AD, ""), // soft hyphen
            Map.entry(0x200B, ""), // zero-width space
            Map.entry(0x2060, ""), // word joiner
            Map.entry(0xFEFF, "")); // zero-width no-break space (byte order mark)

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int EMOJI_PRESENTATION = 0xFE0F;
    private static final int COMBINING_KEYCAP = 0x20E3;

    private SmsTransliteration() {}

    /** The text in the GSM alphabet as far as it goes; applying it twice changes nothing more. */
    public static String toGsm7(String text) {
        if (SmsSegments.isGsm7(text)) {
            return text;
        }
        List<String> clusters = clusters(text);
        List<String> written = new ArrayList<>(clusters.size());
        for (String cluster : clusters) {
            written.add(isJoiner(cluster) ? cluster : write(cluster));
        }
        StringBuilder gsm = new StringBuilder(text.length());
        for (int i = 0; i < written.size(); i++) {
            String piece = written.get(i);
            // A joiner shapes an emoji sequence or a script that has no GSM form: kept there, dropped between letters.
            if (isJoiner(piece) && !nextToUcs2(written, i)) {
                continue;
            }
            gsm.append(piece);
        }
        return gsm.toString();
    }

    /** One cluster: a character and the combining marks after it, so "e" and U+0301 are read as the "é" they show. */
    private static String write(String cluster) {
        if (SmsSegments.isGsm7(cluster)) {
            return cluster;
        }
        if (cluster.indexOf(EMOJI_PRESENTATION) >= 0 || cluster.indexOf(COMBINING_KEYCAP) >= 0) {
            return cluster; // "#️⃣" is an emoji, not a "#" with marks
        }
        String composed = Normalizer.normalize(cluster, Normalizer.Form.NFC);
        if (SmsSegments.isGsm7(composed)) {
            return composed;
        }
        int first = cluster.codePointAt(0);
        if (Character.getType(first) == Character.SPACE_SEPARATOR) {
            return " ";
        }
        String fromTable = TABLE.get(first);
        if (fromTable != null) {
            return fromTable;
        }
        StringBuilder decomposed = new StringBuilder();
        Normalizer.normalize(cluster, Normalizer.Form.NFKD).codePoints().forEach(codePoint -> {
            if (!isMark(codePoint)) {
                decomposed.append(TABLE.getOrDefault(codePoint, Character.toString(codePoint)));
            }
        });
        // Blank: a spacing accent such as "¨" decomposes into a space and a mark; it is no space.
        String gsm = decomposed.toString();
        return !gsm.isBlank() && SmsSegments.isGsm7(gsm) ? gsm : cluster;
    }

    private static List<String> clusters(String text) {
        List<String> clusters = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (i > start && !isMark(codePoint)) {
                clusters.add(text.substring(start, i));
                start = i;
            }
            i += Character.charCount(codePoint);
        }
        if (i > start) {
            clusters.add(text.substring(start, i));
        }
        return clusters;
    }

    /** Whether the nearest written character on either side, past other joiners and removed ones, stays UCS-2. */
    private static boolean nextToUcs2(List<String> written, int i) {
        return staysUcs2(written, i, -1) || staysUcs2(written, i, 1);
    }

    private static boolean staysUcs2(List<String> written, int i, int step) {
        for (int j = i + step; j >= 0 && j < written.size(); j += step) {
            String piece = written.get(j);
            if (!piece.isEmpty() && !isJoiner(piece)) {
                return !SmsSegments.isGsm7(piece);
            }
        }
        return false;
    }

    private static boolean isJoiner(String cluster) {
        return cluster.length() == 1
                && (cluster.charAt(0) == ZERO_WIDTH_JOINER || cluster.charAt(0) == ZERO_WIDTH_NON_JOINER);
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
