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

        @Schema(example = "days-1-3", description = "The plan step; 'manual' or 'urgent-answer' for a one-off text")
        String step,

        @Schema(
                description = "PLAN: a step of a session's plan; MANUAL: the clinic's own text; URGENT_ANSWER: the"
                        + " plan's safety text sent to a reply triage found urgent")
        TextKind kind,

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

        @Schema(description = "Why the text failed") String error,

        @Schema(description = "The id of the client's reply this text answers")
        UUID inReplyTo) {

    static ReminderView of(Reminder reminder, String sessionId) {
        return new ReminderView(
                reminder.id,
                sessionId,
                reminder.step,
                reminder.kind,
                reminder.dueAt,
                reminder.status,
                reminder.body,
                reminder.sentAt,
                reminder.providerId,
                reminder.providerStatus,
                reminder.error,
                reminder.inReplyTo);
    }
}
