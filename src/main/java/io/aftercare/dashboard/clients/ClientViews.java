package io.aftercare.dashboard.clients;

import io.aftercare.client.ClientDirectory;
import io.aftercare.dashboard.ClinicTimes;
import io.aftercare.dashboard.ClinicTimes.ShownTime;
import io.aftercare.reminder.ReminderView;
import io.aftercare.reply.Conversations.Conversation;
import io.aftercare.reply.ReplyView;
import io.aftercare.session.SessionStatus;
import io.aftercare.session.SessionSummary;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Clients screen's view records, built from the services' answers; the templates only lay them out. */
// Over 150 lines: turns the timeline's services' records into the rows its template shows (sessions, texts, replies,
// times); each mapping is a few lines and they share the clinic's zone and language.
final class ClientViews {

    private ClientViews() {}

    /** A client in a list: the number shown only by its last digits. */
    record ListedClient(UUID id, String name, String lastDigits, ShownTime updated) {}

    /** A page of the list; {@code nextUrl} and {@code firstUrl} are absent where there is no such page. */
    record ListPage(
            String query,
            List<ListedClient> clients,
            String nextUrl,
            String firstUrl,
            boolean queryRefused,
            boolean staleCursor) {

        public boolean searched() {
            return !query.isEmpty();
        }
    }

    /** A client's timeline: who they are, their sessions, then their texts and replies in the order they came. */
    record Timeline(
            UUID id,
            String name,
            String phone,
            String timeZone,
            String externalId,
            ShownTime optedOutSince,
            List<SessionRow> sessions,
            List<TimelineEntry> entries,
            boolean cancelled) {}

    record SessionRow(SessionSummary session, ShownTime ended, boolean cancellable) {

        public boolean cancelled() {
            return session.status() == SessionStatus.CANCELLED;
        }
    }

    /** One text or one reply, exactly one of them present; a text names its session where it has one. */
    record TimelineEntry(ShownTime at, ReminderView text, SessionSummary session, ReplyView reply, ShownTime resolved) {

        public boolean isText() {
            return text != null;
        }

        /** An erased client's text keeps its status and times but neither its words nor its error. */
        public boolean erased() {
            return text != null && (text.body() == null || text.body().isEmpty());
        }
    }

    static ListPage list(String query, ClientDirectory.Page page, String cursor, ZoneId clinicZone, Locale locale) {
        List<ListedClient> clients = page.clients().stream()
                .map(client -> new ListedClient(
                        client.id(),
                        fullName(client),
                        lastDigits(client.phone()),
                        ClinicTimes.format(client.updatedAt(), clinicZone, null, locale)))
                .toList();
        String next = page.nextCursor() == null ? null : url(query, page.nextCursor());
        String first = cursor == null || cursor.isEmpty() ? null : url(query, null);
        return new ListPage(query, clients, next, first, false, false);
    }

    /** The list refused: its query (too long, control characters) or its cursor (not given here, or gone). */
    static ListPage refused(String query, boolean staleCursor) {
        return new ListPage(query, List.of(), null, staleCursor ? url(query, null) : null, !staleCursor, staleCursor);
    }

    static Timeline timeline(
            ClientDirectory.Entry client,
            Instant optedOutSince,
            List<SessionSummary> sessions,
            Conversation conversation,
            boolean canAct,
            boolean cancelled,
            ZoneId clinicZone,
            Locale locale) {
        ZoneId clientZone = zone(client.timeZone());
        Function<Instant, ShownTime> shown =
                at -> at == null ? null : ClinicTimes.format(at, clinicZone, clientZone, locale);
        Map<String, SessionSummary> byExternalId =
                sessions.stream().collect(Collectors.toMap(SessionSummary::externalId, Function.identity()));
        List<SessionRow> rows = sessions.stream()
                .map(session -> new SessionRow(
                        session, shown.apply(session.endedAt()), canAct && session.status() == SessionStatus.ACTIVE))
                .toList();
        List<TimelineEntry> entries = conversation.entries().stream()
                .map(entry -> new TimelineEntry(
                        shown.apply(entry.at()),
                        entry.text(),
                        entry.text() == null || entry.text().sessionId() == null
                                ? null
                                : byExternalId.get(entry.text().sessionId()),
                        entry.reply(),
                        entry.reply() == null ? null : shown.apply(entry.reply().resolvedAt())))
                .toList();
        return new Timeline(
                client.id(),
                fullName(client),
                client.phone(),
                client.timeZone(),
                client.externalId(),
                shown.apply(optedOutSince),
                rows,
                entries,
                cancelled);
    }

    static String fullName(ClientDirectory.Entry client) {
        return client.lastName() == null ? client.firstName() : client.firstName() + " " + client.lastName();
    }

    /** "…0123": enough to tell clients apart in a list, not the number itself. */
    static String lastDigits(String phone) {
        return phone.length() <= 4 ? phone : "…" + phone.substring(phone.length() - 4);
    }

    private static String url(String query, String cursor) {
        StringBuilder url = new StringBuilder("/app/clients");
        String separator = "?";
        if (!query.isEmpty()) {
            url.append("?q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
            separator = "&";
        }
        if (cursor != null) {
            url.append(separator).append("cursor=").append(cursor);
        }
        return url.toString();
    }

    /** A client's zone as last posted; one no longer known to this Java shows the clinic's time only. */
    static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
