package io.aftercare.reply;

import java.util.Optional;
import java.util.UUID;

/** A clinic a reply belongs to, with its client and, when their aftercare is under way, the session. */
record Attribution(UUID clinicId, UUID clientId, Optional<UUID> sessionId, Optional<String> sessionExternalId) {}
