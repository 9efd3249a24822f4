package io.aftercare.dashboard;

import java.util.Optional;
import java.util.UUID;

/** Reads the ids in the dashboard's URLs, which are always internal UUIDs. */
public final class Ids {

    private Ids() {}

    public static Optional<UUID> parse(String id) {
        if (id == null || id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The id in a path, or the dashboard's 404: a malformed id is answered like another clinic's. */
    public static UUID require(String id) {
        return parse(id).orElseThrow(PageNotFound::new);
    }
}
