package io.aftercare.reply;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's text was stored and attributed to a clinic; fired (CDI, synchronously) once per clinic it reached, in the
 * transaction that stored it.
 *
 * @param clientId and {@code clientExternalId}, {@code sessionExternalId}: who and which aftercare it is about, when known
 * @param category {@code URGENT}, {@code QUESTION}, {@code OTHER} or {@code KEYWORD}
 * @param body the client's words as received
 */
public record ReplyReceived(
        UUID replyId,
        UUID clinicId,
        Optional<UUID> clientId,
        Optional<String> clientExternalId,
        Optional<String> sessionExternalId,
        String category,
        String body,
        Instant receivedAt) {}
