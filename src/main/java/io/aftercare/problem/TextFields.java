package io.aftercare.problem;

import java.util.Optional;

/**
 * What a text field sent by a clinic may not hold: control characters (C0, DEL, C1: a NUL also breaks the database
 * insert), characters that reorder the text around them (bidirectional overrides and isolates, used to disguise
 * what a text says), line and paragraph separators, private-use characters and halves of a broken surrogate pair.
 */
public final class TextFields {

    private TextFields() {}

    /**
     * @param allowed control characters this field may hold all the same, e.g. a line break in a text's wording
     * @return why the value is refused, or empty when it is fine (a null value is fine here: presence is checked apart)
     */
    public static Optional<String> problem(String value, String allowed) {
        if (value == null) {
            return Optional.empty();
        }
        return value.codePoints()
                .filter(codePoint -> allowed.indexOf(codePoint) < 0 && isRefused(codePoint))
                .mapToObj(codePoint ->
                        "must not contain control or formatting characters such as U+%04X".formatted(codePoint))
                .findFirst();
    }

    public static Optional<String> problem(String value) {
        return problem(value, "");
    }

    private static boolean isRefused(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                    Character.PRIVATE_USE,
                    Character.SURROGATE,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
        };
    }
}
