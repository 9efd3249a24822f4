package io.aftercare.dashboard.replies;

import io.aftercare.client.ClientSummaries;
import io.aftercare.client.ClientSummary;
import io.aftercare.dashboard.ClinicTimes;
import io.aftercare.dashboard.DashboardScope;
import io.aftercare.reply.InboxEntry;
import io.aftercare.reply.ReplyView;
import jakarta.enterprise.context.RequestScoped;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns inbox entries into the rows a page shows, with their clients' names in one query. */
@RequestScoped
public class ReplyRows {

    private final ClientSummaries summaries;
    private final DashboardScope scope;

    ReplyRows(ClientSummaries summaries, DashboardScope scope) {
        this.summaries = summaries;
        this.scope = scope;
    }

    public List<ReplyRow> of(List<InboxEntry> entries) {
        Map<UUID, ClientSummary> clients = summaries.summaries(
                scope.clinicId(),
                entries.stream()
                        .map(InboxEntry::client)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()));
        return entries.stream()
                .map(entry -> row(entry, clients.get(entry.client())))
                .toList();
    }

    private ReplyRow row(InboxEntry entry, ClientSummary client) {
        ReplyView reply = entry.reply();
        ZoneId clientZone = client == null ? null : client.zone();
        return new ReplyRow(
                reply.id(),
                entry.client(),
                client == null ? "" : client.name(),
                client == null ? "" : client.maskedPhone(),
                time(reply.receivedAt(), clientZone),
                reply.category().name(),
                reply.body(),
                "OPEN".equals(reply.status()),
                reply.resolvedAt() == null ? null : time(reply.resolvedAt(), null),
                reply.note());
    }

    private ClinicTimes.ShownTime time(java.time.Instant at, ZoneId clientZone) {
        return ClinicTimes.format(at, scope.clinicZone(), clientZone, scope.locale());
    }
}
