package io.aftercare.webhook;

import java.time.Instant;
import java.util.UUID;

/** An event about to be recorded for a clinic: what happened, when, and its {@code data} object. */
record NewEvent(UUID clinicId, EventType type, Instant timestamp, Object data) {}
