package io.aftercare.session;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** One of a client's sessions, as the rules between a client's sessions (spacing, supersede) read it. */
record PastSession(UUID id, String externalId, Instant endedAt, SessionStatus status) {

    /**
     * In the order they ended, and sessions that ended at the same instant in the order they were stored (their ids are
     * time-ordered; compared unsigned, as PostgreSQL compares them).
     */
    static final Comparator<PastSession> ENDED_ORDER = Comparator.comparing(PastSession::endedAt)
            .thenComparing(session -> session.id().getMostSignificantBits(), Long::compareUnsigned)
            .thenComparing(session -> session.id().getLeastSignificantBits(), Long::compareUnsigned);
}
