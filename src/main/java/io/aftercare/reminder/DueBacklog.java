package io.aftercare.reminder;

import io.aftercare.db.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * How many texts are due and not sent yet, and since when the oldest of them waits: what an operator watches to tell a
 * queue that drains from one that stands still. Texts of a paused clinic count too.
 */
@ApplicationScoped
public class DueBacklog {

    /** One range scan of the partial index {@code reminder_due} (scheduled texts by due time). */
    private static final String BACKLOG =
            "SELECT count(*), min(due_at) FROM reminder WHERE status = 'SCHEDULED' AND due_at <= :now";

    /** A metrics scrape must answer; past this the figure is left out of that scrape. */
    private static final int QUERY_TIMEOUT_MS = 2_000;

    /** @param oldestDueAt when the longest-waiting due text came due; empty when none is due */
    public record Backlog(long due, Optional<Instant> oldestDueAt) {}

    private final EntityManager entityManager;

    DueBacklog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Backlog at(Instant now) {
        Object[] row = (Object[]) entityManager
                .createNativeQuery(BACKLOG)
                .setParameter("now", now)
                .setHint("jakarta.persistence.query.timeout", QUERY_TIMEOUT_MS)
                .getSingleResult();
        return new Backlog(((Number) row[0]).longValue(), Optional.ofNullable(SqlValues.instant(row[1])));
    }
}
