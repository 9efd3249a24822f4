package io.aftercare.sms;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Counts the SMS segments a text takes, as carriers bill them. A text written entirely in the GSM 03.38 alphabet is
 * sent as GSM-7: 160 septets in one segment, or 153 per segment once it is split (characters of the extension table,
 * such as {@code €} or {@code [}, take two septets and are never split across segments). Any other character makes the
 * whole text UCS-2: 70 UTF-16 units in one segment, or 67 per segment (a surrogate pair is never split).
 */
public final class SmsSegments {

    public enum Encoding {
        GSM_7,
        UCS_2
    }

    /**
     * @param units septets for GSM-7, UTF-16 code units for UCS-2
     * @param segments at least 1: an empty text still goes out as one segment
     */
    public record Count(Encoding encoding, int units, int segments) {}

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";
    // Looked up for every character of every text a post schedules: a bit each, not a scan of the alphabet's string.
    private static final BitSet IN_BASIC = charsOf(BASIC);
    private static final BitSet IN_EXTENSION = charsOf(EXTENSION);

    private SmsSegments() {}

    public static Count of(String text) {
        return isGsm7(text) ? gsm7(text) : ucs2(text);
    }

    /** Whether the text is written entirely in the GSM 03.38 alphabet, so that it travels as GSM-7. */
    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!IN_BASIC.get(c) && !IN_EXTENSION.get(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The characters that make a text UCS-2: each one outside the GSM alphabet, once, in the order they first appear
     * (a character written with a surrogate pair, such as an emoji, is one); empty for a GSM-7 text.
     */
    public static List<String> outsideGsm7(String text) {
        if (isGsm7(text)) {
            return List.of();
        }
        LinkedHashSet<String> outside = new LinkedHashSet<>();
        text.codePoints().mapToObj(Character::toString).filter(c -> !isGsm7(c)).forEach(outside::add);
        return List.copyOf(outside);
    }

    private static Count gsm7(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += IN_EXTENSION.get(text.charAt(i)) ? 2 : 1;
        }
        if (septets <= 160) {
            return new Count(Encoding.GSM_7, septets, 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int width = IN_EXTENSION.get(text.charAt(i)) ? 2 : 1;
            if (used + width > 153) {
                segments++;
                used = 0;
            }
            used += width;
        }
        return new Count(Encoding.GSM_7, septets, segments);
    }

    private static Count ucs2(String text) {
        if (text.length() <= 70) {
            return new Count(Encoding.UCS_2, text.length(), 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int width = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
            if (used + width > 67) {
                segments++;
                used = 0;
            }
            used += width;
            i += width - 1;
        }
        return new Count(Encoding.UCS_2, text.length(), segments);
    }

    private static BitSet charsOf(String alphabet) {
        BitSet chars = new BitSet();
        alphabet.chars().forEach(chars::set);
        return chars;
    }
}
