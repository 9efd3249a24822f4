package io.aftercare.reminder;

import java.util.UUID;

/** A client some clinic texted, by the ids of both. */
public record TextedClient(UUID clinicId, UUID clientId) {}
