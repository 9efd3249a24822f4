package io.aftercare.client;

import java.util.UUID;

/**
 * A client locked for erasure in the current transaction.
 *
 * @param phone the number as held until the erasure, to find what else holds it; never to be logged
 */
public record ClientToErase(UUID id, UUID clinicId, String phone) {}
