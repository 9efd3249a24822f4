package io.aftercare.reminder;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The clinic's own ids of sessions. Sessions belong to the session package, which implements this; a text knows its
 * session by the internal id only, so reminder needs no session type. Only the statements that fire
 * {@link TextsChanged} read the session's external id themselves ({@link ChangedTexts}): one join, not a query per text.
 */
public interface SessionExternalIds {

    /** @return the external id of each of these sessions, by internal id */
    Map<UUID, String> of(Collection<UUID> sessionIds);
}
