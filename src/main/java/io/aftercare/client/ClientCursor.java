package io.aftercare.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of clients ended. In the most-recent-first list: the last client's {@code updated_at} and id, so that
 * a client updated meanwhile never shifts the pages still to come. In a search, listed by name: only the last
 * client's id, whose name the next page looks up, so that no name travels in a URL. Opaque: base64url.
 */
record ClientCursor(Instant updatedAt, UUID id) {

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final String RECENT = "R";
    private static final String BY_NAME = "N";

    static ClientCursor byName(UUID id) {
        return new ClientCursor(null, id);
    }

    boolean isByName() {
        return updatedAt == null;
    }

    String encode() {
        String plain = isByName() ? BY_NAME + "|" + id : RECENT + "|" + updatedAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @return empty when the text is not a cursor this service wrote */
    static Optional<ClientCursor> decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length == 2 && BY_NAME.equals(parts[0])) {
                return Optional.of(byName(UUID.fromString(parts[1])));
            }
            if (parts.length != 3 || !RECENT.equals(parts[0])) {
                return Optional.empty();
            }
            Instant updatedAt = Instant.parse(parts[1]);
            // Java reads years up to a billion; the database's timestamps end long before, with a 500 if asked.
            if (updatedAt.isBefore(Instant.EPOCH) || updatedAt.isAfter(LATEST)) {
                return Optional.empty();
            }
            return Optional.of(new ClientCursor(updatedAt, UUID.fromString(parts[2])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
