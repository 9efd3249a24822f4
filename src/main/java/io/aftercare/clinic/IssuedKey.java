package io.aftercare.clinic;

import java.time.Instant;
import java.util.UUID;

/** A newly issued key: {@code key} is shown this once and never stored. */
public record IssuedKey(UUID id, String prefix, String key, String label, Instant createdAt) {}
