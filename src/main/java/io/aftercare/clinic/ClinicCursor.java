package io.aftercare.clinic;

import io.aftercare.db.PageCursor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where a page of clinics ended: the last clinic's onboarding time and id ({@link PageCursor}). */
record ClinicCursor(Instant createdAt, UUID id) {

    static ClinicCursor after(Clinic clinic) {
        return new ClinicCursor(clinic.createdAt, clinic.id);
    }

    String encode() {
        return PageCursor.encode(createdAt, id);
    }

    /** @return empty when the text is not a cursor this service wrote */
    static Optional<ClinicCursor> decode(String cursor) {
        return PageCursor.decode(cursor, 2).flatMap(ClinicCursor::of);
    }

    private static Optional<ClinicCursor> of(List<String> values) {
        try {
            UUID id = UUID.fromString(values.get(1));
            return PageCursor.instant(values.get(0)).map(at -> new ClinicCursor(at, id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
