package io.aftercare.staff;

import java.util.Optional;
import java.util.UUID;

/** What a session cookie holds (encrypted): the user and the session generation it was issued in. */
record SessionPrincipal(UUID staffId, int generation) {

    String encode() {
        return staffId + ":" + generation;
    }

    static Optional<SessionPrincipal> decode(String principal) {
        int colon = principal == null ? -1 : principal.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SessionPrincipal(
                    UUID.fromString(principal.substring(0, colon)), Integer.parseInt(principal.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
