package io.aftercare.reminder;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A text as the clinic sees it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Reminder")
public record ReminderView(
        UUID id,

        @Schema(description = "The clinic's id of the session the text belongs to; in a client's history only")
        String sessionId,

        @Schema(example = "days-1-3") String step,
        Instant dueAt,
        ReminderStatus status,

        @Schema(description = "The text as rendered when it was scheduled")
        String body,

        @Schema(description = "When the SMS provider accepted the text")
        Instant sentAt,

        @Schema(description = "The SMS provider's message id")
        String providerId,

        @Schema(description = "The SMS provider's last reported status", example = "delivered")
        String providerStatus,

        @Schema(description = "Why the text failed") String error) {

    static ReminderView of(Reminder reminder, String sessionId) {
        return new ReminderView(
                reminder.id,
                sessionId,
                reminder.step,
                reminder.dueAt,
                reminder.status,
                reminder.body,
                reminder.sentAt,
                reminder.providerId,
                reminder.providerStatus,
                reminder.error);
    }
}
