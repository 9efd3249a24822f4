package io.aftercare.dispatch;

import io.aftercare.db.SqlValues;
import io.aftercare.sms.SmsGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The sending slots of one sender, shared through the database by every node: a node reserves slots for the texts it
 * claimed, and the row lock on the sender's row orders reservations across the cluster.
 */
@ApplicationScoped
class SendRate {

    private static final String RESERVE = """
            INSERT INTO send_rate AS rate (sender, next_slot)
            VALUES (:sender, CAST(:now AS timestamptz) + :spanMillis * INTERVAL '1 millisecond')
            ON CONFLICT (sender) DO UPDATE
               SET next_slot = CASE
                       -- Further off than any claim lasts: reserved by a clock that has since stepped back.
                       WHEN rate.next_slot > CAST(:now AS timestamptz) + :horizonMillis * INTERVAL '1 millisecond'
                       THEN CAST(:now AS timestamptz)
                       ELSE GREATEST(rate.next_slot, CAST(:now AS timestamptz))
                   END + :spanMillis * INTERVAL '1 millisecond'
            RETURNING next_slot - :spanMillis * INTERVAL '1 millisecond'
            """;

    private final EntityManager entityManager;
    private final SmsGateway gateway;

    SendRate(EntityManager entityManager, SmsGateway gateway) {
        this.entityManager = entityManager;
        this.gateway = gateway;
    }

    /**
     * When each of {@code count} claimed texts may go: {@code now} without a limit, else slots of the gateway's sender
     * reserved for the whole cluster.
     */
    List<Instant> slots(int count, Pacing pacing, Instant now, Duration lease) {
        Instant first = pacing.spacing()
                .map(spacing -> reserve(gateway.sender(), count, spacing, now, lease))
                .orElse(now);
        return pacing.slots(first, count);
    }

    /**
     * Reserves {@code count} consecutive slots {@code spacing} apart.
     *
     * @param horizon how far ahead slots can rightly be reserved (a claim's lease): slots further off than that were
     *     reserved by a clock that stepped back since, and are given up rather than waited for
     * @return the first slot; the others follow it at {@code spacing}
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Instant reserve(String sender, int count, Duration spacing, Instant now, Duration horizon) {
        return SqlValues.instant(entityManager
                .createNativeQuery(RESERVE)
                .setParameter("sender", sender)
                .setParameter("now", now)
                .setParameter("horizonMillis", horizon.toMillis())
                .setParameter("spanMillis", spacing.multipliedBy(count).toMillis())
                .getSingleResult());
    }
}
