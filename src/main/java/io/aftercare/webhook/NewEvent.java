package io.aftercare.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event about to be recorded for a clinic: what happened, when, and its {@code data} object.
 *
 * @param clientIds the clients {@code data} holds something of, whose erasure must reach the event
 */
record NewEvent(UUID clinicId, EventType type, Instant timestamp, Object data, List<UUID> clientIds) {

    NewEvent {
        clientIds = List.copyOf(clientIds);
    }
}
