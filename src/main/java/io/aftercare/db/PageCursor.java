package io.aftercare.db;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The opaque cursor of a keyset-paged list: the values of the last row's sort key, joined by {@code |} and written in
 * base64url. A list names the next page by where the last one ended, so rows stored meanwhile never shift the pages
 * still to come. Opaque to callers, but not secret: every list still scopes its query to the caller's clinic, whatever
 * a cursor holds.
 */
// Hand-written: three lists need only this join and split; a library for it would be larger than the class.
public final class PageCursor {

    private static final char SEPARATOR = '|';
    private static final char ESCAPE = '\\';
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private PageCursor() {}

    /** A cursor of these values, each as its {@code toString()}; a {@code |} or {@code \} in a value is escaped. */
    public static String encode(Object... values) {
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                plain.append(SEPARATOR);
            }
            for (char c : String.valueOf(values[i]).toCharArray()) {
                if (c == SEPARATOR || c == ESCAPE) {
                    plain.append(ESCAPE);
                }
                plain.append(c);
            }
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @return the cursor's values, or empty when it is not base64url or does not hold exactly {@code count} */
    public static Optional<List<String>> decode(String cursor, int count) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == ESCAPE && i + 1 < plain.length()) {
                value.append(plain.charAt(++i));
            } else if (c == SEPARATOR) {
                values.add(value.toString());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        values.add(value.toString());
        return values.size() == count ? Optional.of(values) : Optional.empty();
    }

    /**
     * A cursor's time, if it is one the database can hold: Java reads years up to a billion, the database's timestamps
     * end long before, with a 500 if asked.
     */
    public static Optional<Instant> instant(String value) {
        try {
            Instant at = Instant.parse(value);
            return at.isBefore(Instant.EPOCH) || at.isAfter(LATEST) ? Optional.empty() : Optional.of(at);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
