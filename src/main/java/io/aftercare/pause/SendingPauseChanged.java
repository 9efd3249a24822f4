package io.aftercare.pause;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A clinic's sending was paused or resumed; fired (CDI, synchronously) in the transaction that recorded it.
 *
 * @param reason why it was paused; empty on resume
 */
public record SendingPauseChanged(UUID clinicId, boolean paused, Optional<String> reason, Instant at) {}
