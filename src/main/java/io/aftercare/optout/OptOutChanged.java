package io.aftercare.optout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A number opted out of, or back into, one clinic's texts; fired (CDI, synchronously) once per clinic in the transaction
 * that recorded it.
 *
 * @param clients the clinic's clients with that number, never the number itself
 * @param source what asked for it, e.g. {@code reply STOP}
 */
public record OptOutChanged(UUID clinicId, List<ClientRef> clients, boolean optedOut, String source, Instant at) {

    /** A client as the clinic knows it. */
    public record ClientRef(UUID clientId, String externalId) {}

    public OptOutChanged {
        clients = List.copyOf(clients);
    }
}
