package io.aftercare.twilio;

import io.aftercare.reminder.ReminderStatus;
import io.aftercare.reminder.Reminders;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Reads Twilio's status callbacks into the state of the texts they are about. */
@ApplicationScoped
class TwilioStatusReports {

    /** How far along a message is; Twilio gives no ordering promise, so the furthest report wins. */
    private record Progress(int rank, Optional<ReminderStatus> finalStatus) {}

    private static final Map<String, Progress> PROGRESS = Map.of(
            "accepted", new Progress(0, Optional.empty()),
            "scheduled", new Progress(0, Optional.empty()),
            "queued", new Progress(0, Optional.empty()),
            "sending", new Progress(1, Optional.empty()),
            "sent", new Progress(2, Optional.empty()),
            "delivered", new Progress(3, Optional.of(ReminderStatus.DELIVERED)),
            "undelivered", new Progress(3, Optional.of(ReminderStatus.FAILED)),
            "failed", new Progress(3, Optional.of(ReminderStatus.FAILED)),
            "canceled", new Progress(3, Optional.of(ReminderStatus.FAILED)));

    private final Reminders reminders;
    private final Clock clock;

    TwilioStatusReports(Reminders reminders, Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    void record(String messageSid, String messageStatus, String errorCode) {
        Progress progress = messageStatus == null ? null : PROGRESS.get(messageStatus);
        if (messageSid == null || progress == null) {
            Log.debugf("Ignored a status callback for %s with status %s", messageSid, messageStatus);
            return;
        }
        String error = progress.finalStatus()
                .filter(ReminderStatus.FAILED::equals)
                .map(failed -> TwilioFailures.describe(errorCode) + " (" + messageStatus + ")")
                .orElse(null);
        boolean applied = reminders.providerReported(
                messageSid, messageStatus, progress.rank(), progress.finalStatus(), error, clock.instant());
        Log.debugf(
                "Status %s for %s %s", messageStatus, messageSid, applied ? "recorded" : "ignored (unknown or stale)");
    }
}
