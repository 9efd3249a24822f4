package io.aftercare.session;

import io.aftercare.reminder.ReminderStatus;
import io.aftercare.template.TextFit;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What posting a session would schedule, with every text rendered; nothing of it is stored. */
@Schema(name = "SessionPreview")
record SessionPreview(
        String sessionId, String clientTimeZone, String planVersion, List<Text> reminders, List<String> warnings) {

    @Schema(name = "PreviewText")
    public record Text(
            String step,

            @Schema(description = "UTC; a late text still in force keeps its past instant and goes out at once")
            Instant dueAt,

            @Schema(description = "the same instant on the client's clock")
            OffsetDateTime dueAtLocal,

            ReminderStatus status,
            String body,
            TextFit fit) {}

    static SessionPreview of(ValidSession session, SessionPlanner.SessionPlan plan) {
        List<Text> texts = plan.texts().stream()
                .map(text -> new Text(
                        text.step().step().key(),
                        text.step().dueAt(),
                        text.step().dueAt().atZone(session.zone()).toOffsetDateTime(),
                        text.status(),
                        text.body(),
                        TextFit.of(text.body())))
                .toList();
        return new SessionPreview(
                session.sessionId(), session.zone().getId(), plan.planVersion(), texts, plan.warnings());
    }
}
