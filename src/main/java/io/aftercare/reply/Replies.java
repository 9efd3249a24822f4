package io.aftercare.reply;

import io.aftercare.audit.CurrentActor;
import io.aftercare.client.Client;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.TextFields;
import io.aftercare.reminder.SessionExternalIds;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** A clinic's replies: listed, resolved, and shown beside the client's texts. */
// Over 150 lines: the list (filters, cursor), resolve, the per-client reads and the two erasures all read or write the
// reply table, which this package owns.
@ApplicationScoped
public class Replies {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    /** The longest note a resolution keeps. */
    public static final int MAX_NOTE = 1_000;

    /** One page of replies; {@code nextCursor} is absent on the last page. */
    public record Page(List<ReplyView> replies, String nextCursor) {}

    /** One page of {@link #inbox}; {@code nextCursor} is absent on the last page. */
    public record InboxPage(List<InboxEntry> entries, String nextCursor) {}

    private final SessionExternalIds sessionExternalIds;
    private final CurrentActor actor;
    private final Clock clock;

    Replies(SessionExternalIds sessionExternalIds, CurrentActor actor, Clock clock) {
        this.sessionExternalIds = sessionExternalIds;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * The clinic's replies, urgent first and then newest first, a page at a time.
     *
     * @throws ProblemException 400 naming {@code status}, {@code category}, {@code cursor} or {@code limit}
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(UUID clinicId, String status, String category, String cursor, Integer limit) {
        Rows rows = rows(clinicId, status, category, cursor, limit);
        return new Page(views(rows.replies()), rows.nextCursor());
    }

    /**
     * The same list as {@link #list}, each reply with its client's internal id: for pages that link to the client.
     *
     * @throws ProblemException 400 naming {@code status}, {@code category}, {@code cursor} or {@code limit}
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public InboxPage inbox(UUID clinicId, String status, String category, String cursor, Integer limit) {
        Rows rows = rows(clinicId, status, category, cursor, limit);
        List<ReplyView> views = views(rows.replies());
        List<InboxEntry> entries = new ArrayList<>(views.size());
        for (int i = 0; i < views.size(); i++) {
            entries.add(new InboxEntry(views.get(i), rows.replies().get(i).clientId));
        }
        return new InboxPage(entries, rows.nextCursor());
    }

    private record Rows(List<Reply> replies, String nextCursor) {}

    private Rows rows(UUID clinicId, String status, String category, String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        StringBuilder where = new StringBuilder("clinicId = :clinic");
        Parameters parameters = Parameters.with("clinic", clinicId);
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", enumValue(Reply.Status.class, status, "status"));
        }
        if (category != null) {
            where.append(" and category = :category");
            parameters.and("category", enumValue(ReplyCategory.class, category, "category"));
        }
        if (cursor != null) {
            ReplyCursor after = ReplyCursor.decode(cursor)
                    .orElseThrow(() -> ProblemException.invalid("cursor", "is not a cursor this list gave"));
            where.append(" and (listRank > :rank or (listRank = :rank and (receivedAt < :at"
                    + " or (receivedAt = :at and id < :id))))");
            parameters
                    .and("rank", (short) after.rank())
                    .and("at", after.receivedAt())
                    .and("id", after.id());
        }
        PanacheQuery<Reply> query = Reply.find(where + " order by listRank, receivedAt desc, id desc", parameters);
        List<Reply> rows = query.range(0, size).list();
        String next = rows.size() > size ? ReplyCursor.after(rows.get(size - 1)).encode() : null;
        return new Rows(rows.size() > size ? rows.subList(0, size) : rows, next);
    }

    /**
     * Marks a reply as dealt with, by whom and when, with an optional note. Resolving a resolved reply changes nothing
     * and answers it as it was resolved first.
     *
     * @return empty when the clinic has no such reply
     */
    @Transactional
    public Optional<ReplyView> resolve(UUID clinicId, UUID replyId, String note) {
        if (note != null && note.length() > MAX_NOTE) {
            throw ProblemException.invalid("note", "must be at most " + MAX_NOTE + " characters");
        }
        TextFields.problem(note, "\n").ifPresent(reason -> {
            throw ProblemException.invalid("note", reason);
        });
        Optional<Reply> found = Reply.<Reply>find("clinicId = ?1 and id = ?2", clinicId, replyId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
        found.filter(reply -> reply.status == Reply.Status.OPEN).ifPresent(reply -> {
            reply.status = Reply.Status.RESOLVED;
            reply.resolvedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            reply.resolvedBy = actor.name();
            reply.resolutionNote = note == null || note.isBlank() ? null : note.strip();
        });
        return found.map(reply -> views(List.of(reply)).get(0));
    }

    /** The clinic's reply with this id, with its client's internal id; empty when the clinic has no such reply. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<InboxEntry> entry(UUID clinicId, UUID replyId) {
        return Reply.<Reply>find("clinicId = ?1 and id = ?2", clinicId, replyId)
                .firstResultOptional()
                .map(reply -> new InboxEntry(views(List.of(reply)).get(0), reply.clientId));
    }

    /** The clinic's reply from this client, if it is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<Reply> ofClient(UUID clinicId, UUID clientId, UUID replyId) {
        return Reply.find("clinicId = ?1 and clientId = ?2 and id = ?3", clinicId, clientId, replyId)
                .firstResultOptional();
    }

    /** When the client last wrote to the clinic, if they did. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<Instant> lastReplyAt(UUID clinicId, UUID clientId) {
        return Reply.<Reply>find("clinicId = ?1 and clientId = ?2 order by receivedAt desc", clinicId, clientId)
                .firstResultOptional()
                .map(reply -> reply.receivedAt);
    }

    /** Every reply the client sent the clinic, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<ReplyView> fromClient(UUID clinicId, UUID clientId) {
        return views(Reply.list("clinicId = ?1 and clientId = ?2 order by receivedAt, id", clinicId, clientId));
    }

    /**
     * Erases what the client's replies hold of them: their words and number. Category, status and times stay.
     *
     * @return how many replies were erased
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseClientReplies(UUID clientId, Instant now) {
        return Reply.update(
                "body = '', fromPhone = '', resolutionNote = null, erasedAt = ?1 where clientId = ?2 and erasedAt is null",
                now,
                clientId);
    }

    /**
     * Erases, up to {@code limit} at a time, replies no clinic could be named for that came before {@code before}:
     * no clinic sees them, so nothing but the retention purge ever would.
     *
     * @return how many were erased
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseUnattributedBefore(Instant before, Instant now, int limit) {
        return Reply.getEntityManager()
                .createNativeQuery("""
                UPDATE reply SET body = '', from_phone = '', erased_at = :now
                 WHERE id IN (SELECT id FROM reply WHERE clinic_id IS NULL AND erased_at IS NULL
                              AND received_at < :before LIMIT :limit FOR UPDATE SKIP LOCKED)
                """)
                .setParameter("now", now)
                .setParameter("before", before)
                .setParameter("limit", limit)
                .executeUpdate();
    }

    private List<ReplyView> views(List<Reply> replies) {
        Map<UUID, String> clients = externalIds(replies.stream()
                .map(reply -> reply.clientId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        List<UUID> sessionIds = replies.stream()
                .map(reply -> reply.sessionId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<UUID, String> sessions = sessionIds.isEmpty() ? Map.of() : sessionExternalIds.of(sessionIds);
        return replies.stream()
                .map(reply -> ReplyView.of(
                        reply,
                        reply.clientId == null ? null : clients.get(reply.clientId),
                        reply.sessionId == null ? null : sessions.get(reply.sessionId)))
                .toList();
    }

    private static Map<UUID, String> externalIds(Collection<UUID> clientIds) {
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        return Client.<Client>list("id in ?1", clientIds).stream()
                .collect(Collectors.toMap(client -> client.id, client -> client.externalId));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(
                    field,
                    "must be one of "
                            + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase());
        }
    }
}
