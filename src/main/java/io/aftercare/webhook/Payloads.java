package io.aftercare.webhook;

import io.aftercare.client.Clients;
import io.aftercare.optout.OptOutChanged;
import io.aftercare.pause.SendingPauseChanged;
import io.aftercare.reminder.TextsChanged;
import io.aftercare.reply.ReplyReceived;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The events' {@code data} objects, as the clinic's system reads them: ids the clinic knows, never a phone number.
 * Absent values are written as {@code null}, so every event of a type has the same fields.
 */
final class Payloads {

    private Payloads() {}

    /** The body of every delivery: {@code {"type", "timestamp", "data"}}. */
    record Body(String type, Instant timestamp, Object data) {}

    record Reply(
            UUID replyId,
            UUID clientId,
            String clientExternalId,
            String sessionExternalId,
            String category,
            String body,
            Instant receivedAt) {}

    record Reminder(
            UUID reminderId,
            UUID clientId,
            String clientExternalId,
            String sessionExternalId,
            String step,
            String status,
            Instant at,
            String error) {}

    record ClientRef(UUID clientId, String externalId) {}

    record OptOut(List<ClientRef> clients, String source, Instant at) {}

    record Pause(String reason, Instant at) {}

    static NewEvent of(ReplyReceived reply) {
        return new NewEvent(
                reply.clinicId(),
                EventType.REPLY_RECEIVED,
                reply.receivedAt(),
                new Reply(
                        reply.replyId(),
                        reply.clientId().orElse(null),
                        reply.clientExternalId().orElse(null),
                        reply.sessionExternalId().orElse(null),
                        reply.category(),
                        reply.body(),
                        reply.receivedAt()),
                reply.clientId().stream().toList());
    }

    /**
     * Empty for a status no event reports, and for a text of a client erased since it was sent (a late delivery
     * receipt): the clinic asked to hear nothing more of them ({@link WebhookErasure}).
     */
    static Optional<NewEvent> of(TextsChanged.Change change) {
        if (Clients.isErased(change.clientExternalId())) {
            return Optional.empty();
        }
        Optional<EventType> type = switch (change.status()) {
            case SENT -> Optional.of(EventType.REMINDER_SENT);
            case DELIVERED -> Optional.of(EventType.REMINDER_DELIVERED);
            case FAILED -> Optional.of(EventType.REMINDER_FAILED);
            case EXPIRED -> Optional.of(EventType.REMINDER_EXPIRED);
            default -> Optional.empty();
        };
        return type.map(t -> new NewEvent(
                change.clinicId(),
                t,
                change.at(),
                new Reminder(
                        change.reminderId(),
                        change.clientId(),
                        change.clientExternalId(),
                        change.sessionExternalId().orElse(null),
                        change.step(),
                        change.status().name(),
                        change.at(),
                        change.error().orElse(null)),
                List.of(change.clientId())));
    }

    static NewEvent of(OptOutChanged change) {
        return new NewEvent(
                change.clinicId(),
                change.optedOut() ? EventType.CLIENT_OPTED_OUT : EventType.CLIENT_OPTED_IN,
                change.at(),
                new OptOut(
                        change.clients().stream()
                                .map(c -> new ClientRef(c.clientId(), c.externalId()))
                                .toList(),
                        change.source(),
                        change.at()),
                change.clients().stream().map(OptOutChanged.ClientRef::clientId).toList());
    }

    static NewEvent of(SendingPauseChanged change) {
        return new NewEvent(
                change.clinicId(),
                change.paused() ? EventType.CLINIC_SENDING_PAUSED : EventType.CLINIC_SENDING_RESUMED,
                change.at(),
                new Pause(change.reason().orElse(null), change.at()),
                List.of());
    }
}
