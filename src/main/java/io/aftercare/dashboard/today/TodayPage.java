package io.aftercare.dashboard.today;

import io.aftercare.client.ClientSummaries;
import io.aftercare.client.ClientSummary;
import io.aftercare.dashboard.ClinicTimes;
import io.aftercare.dashboard.DashboardScope;
import io.aftercare.dashboard.replies.ReplyRows;
import io.aftercare.pause.SendingPauses;
import io.aftercare.problem.ProblemException;
import io.aftercare.reminder.ClinicText;
import io.aftercare.reminder.ClinicTextPage;
import io.aftercare.reminder.DueDay;
import io.aftercare.reminder.Reminders;
import io.aftercare.reply.Replies;
import jakarta.enterprise.context.RequestScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Gathers Today's lists for the signed-in user's clinic: every read is scoped to it. */
@RequestScoped
class TodayPage {

    static final int PAGE = 50;
    /** How far back a failure still needs someone. */
    static final Duration FAILURES_SINCE = Duration.ofDays(7);

    private final DashboardScope scope;
    private final SendingPauses pauses;
    private final Replies replies;
    private final ReplyRows replyRows;
    private final Reminders reminders;
    private final ClientSummaries summaries;
    private final Clock clock;

    TodayPage(
            DashboardScope scope,
            SendingPauses pauses,
            Replies replies,
            ReplyRows replyRows,
            Reminders reminders,
            ClientSummaries summaries,
            Clock clock) {
        this.scope = scope;
        this.pauses = pauses;
        this.replies = replies;
        this.replyRows = replyRows;
        this.reminders = reminders;
        this.summaries = summaries;
        this.clock = clock;
    }

    /** Today's page from these cursors (null: the first page); a cursor the lists did not give shows page one. */
    TodayView build(String dueCursor, String failuresCursor) {
        UUID clinicId = scope.clinicId();
        Instant now = clock.instant();
        ZoneId zone = scope.clinicZone();
        DueDay today = DueDay.of(now, zone);
        Optional<SendingPauses.Pause> pause = pauses.of(clinicId);
        Replies.InboxPage urgent = replies.inbox(clinicId, "open", "urgent", null, PAGE);
        boolean stale = false;
        ClinicTextPage failures;
        ClinicTextPage due;
        try {
            failures = reminders.needingAttention(clinicId, now.minus(FAILURES_SINCE), failuresCursor, PAGE);
            due = reminders.dueBetween(clinicId, today.from(), today.to(), dueCursor, PAGE);
        } catch (ProblemException badCursor) {
            stale = true;
            failures = reminders.needingAttention(clinicId, now.minus(FAILURES_SINCE), null, PAGE);
            due = reminders.dueBetween(clinicId, today.from(), today.to(), null, PAGE);
        }
        Map<UUID, ClientSummary> clients = summaries.summaries(
                clinicId,
                Stream.concat(failures.texts().stream(), due.texts().stream())
                        .map(ClinicText::clientId)
                        .collect(Collectors.toSet()));
        Function<ClinicText, TextRow> row = text -> row(text, clients.get(text.clientId()));
        return new TodayView(
                pause.map(paused -> time(paused.pausedAt(), null)).orElse(null),
                pause.map(SendingPauses.Pause::reason).orElse(null),
                replyRows.of(urgent.entries()),
                urgent.nextCursor() != null,
                failures.texts().stream().map(row).toList(),
                failures.nextCursor().orElse(null),
                due.texts().stream().map(row).toList(),
                due.nextCursor().orElse(null),
                stale);
    }

    private TextRow row(ClinicText text, ClientSummary client) {
        // An erased client's text keeps its status and times but not its error, which may have quoted the number.
        boolean erased = text.erased() || client == null || client.erased();
        ZoneId clientZone = client == null ? null : client.zone();
        return new TextRow(
                text.id(),
                text.clientId(),
                erased ? "" : client.name(),
                erased ? "" : client.maskedPhone(),
                erased,
                time(text.dueAt(), clientZone),
                text.kind().name(),
                text.step(),
                text.status().name(),
                text.sentAt() == null ? null : time(text.sentAt(), clientZone),
                erased ? null : text.error());
    }

    private ClinicTimes.ShownTime time(Instant at, ZoneId clientZone) {
        return ClinicTimes.format(at, scope.clinicZone(), clientZone, scope.locale());
    }
}
