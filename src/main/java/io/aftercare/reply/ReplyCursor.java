package io.aftercare.reply;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of replies ended, in the list's order (urgent first, then newest first): the last reply's rank, time
 * and id. The next page starts after that position, so replies stored meanwhile (which sort before it) never shift
 * the pages still to come. Opaque to clients: base64url of the three values.
 */
record ReplyCursor(int rank, Instant receivedAt, UUID id) {

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    static ReplyCursor after(Reply reply) {
        return new ReplyCursor(reply.category == ReplyCategory.URGENT ? 0 : 1, reply.receivedAt, reply.id);
    }

    String encode() {
        String plain = rank + "|" + receivedAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @return empty when the text is not a cursor this service wrote */
    static Optional<ReplyCursor> decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3) {
                return Optional.empty();
            }
            int rank = Integer.parseInt(parts[0]);
            if (rank != 0 && rank != 1) {
                return Optional.empty();
            }
            Instant receivedAt = Instant.parse(parts[1]);
            // Java reads years up to a billion; the database's timestamps end long before, with a 500 if asked.
            if (receivedAt.isBefore(Instant.EPOCH) || receivedAt.isAfter(LATEST)) {
                return Optional.empty();
            }
            return Optional.of(new ReplyCursor(rank, receivedAt, UUID.fromString(parts[2])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
