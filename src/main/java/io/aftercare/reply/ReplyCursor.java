package io.aftercare.reply;

import io.aftercare.db.PageCursor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of replies ended, in the list's order (urgent first, then newest first): the last reply's rank, time
 * and id. The next page starts after that position, so replies stored meanwhile (which sort before it) never shift
 * the pages still to come. Opaque to clients ({@link PageCursor}).
 */
record ReplyCursor(int rank, Instant receivedAt, UUID id) {

    static ReplyCursor after(Reply reply) {
        return new ReplyCursor(reply.category == ReplyCategory.URGENT ? 0 : 1, reply.receivedAt, reply.id);
    }

    String encode() {
        return PageCursor.encode(rank, receivedAt, id);
    }

    /** @return empty when the text is not a cursor this service wrote */
    static Optional<ReplyCursor> decode(String cursor) {
        return PageCursor.decode(cursor, 3).flatMap(ReplyCursor::of);
    }

    private static Optional<ReplyCursor> of(List<String> values) {
        try {
            int rank = Integer.parseInt(values.get(0));
            if (rank != 0 && rank != 1) {
                return Optional.empty();
            }
            UUID id = UUID.fromString(values.get(2));
            return PageCursor.instant(values.get(1)).map(at -> new ReplyCursor(rank, at, id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
