package io.aftercare.session;

import io.aftercare.reminder.ReminderView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A posted session and its texts. */
@Schema(name = "Session")
public record SessionView(
        UUID id,
        @Schema(example = "clinic-8812") String sessionId,
        @Schema(example = "client-311") String clientId,
        SessionKind kind,
        int sessionNumber,
        boolean finalSession,
        Instant endedAt,
        SessionStatus status,
        String planVersion,
        Instant createdAt,
        List<ReminderView> reminders,

        @Schema(description = "Things the clinic should know, e.g. sessions closer than 10 days apart")
        List<String> warnings) {}
