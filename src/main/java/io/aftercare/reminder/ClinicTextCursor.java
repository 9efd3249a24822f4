package io.aftercare.reminder;

import io.aftercare.db.PageCursor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where a page of a clinic's texts ended: the last text's due time and id ({@link PageCursor}). */
record ClinicTextCursor(Instant dueAt, UUID id) {

    static ClinicTextCursor after(ClinicText text) {
        return new ClinicTextCursor(text.dueAt(), text.id());
    }

    String encode() {
        return PageCursor.encode(dueAt, id);
    }

    /** @return empty when the text is not a cursor this service wrote */
    static Optional<ClinicTextCursor> decode(String cursor) {
        return PageCursor.decode(cursor, 2).flatMap(ClinicTextCursor::of);
    }

    private static Optional<ClinicTextCursor> of(List<String> values) {
        try {
            UUID id = UUID.fromString(values.get(1));
            return PageCursor.instant(values.get(0)).map(at -> new ClinicTextCursor(at, id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
