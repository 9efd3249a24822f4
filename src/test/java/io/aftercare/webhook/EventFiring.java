package io.aftercare.webhook;

import io.aftercare.optout.OptOutChanged;
import io.aftercare.pause.SendingPauseChanged;
import io.aftercare.reminder.TextsChanged;
import io.aftercare.reply.ReplyReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fires the events the other features fire, each in a transaction of its own as they do, and reads the webhook tables
 * as an operator would.
 */
@ApplicationScoped
class EventFiring {

    private final Event<TextsChanged> texts;
    private final Event<ReplyReceived> replies;
    private final Event<OptOutChanged> optOuts;
    private final Event<SendingPauseChanged> pauses;
    private final EntityManager entityManager;

    EventFiring(
            Event<TextsChanged> texts,
            Event<ReplyReceived> replies,
            Event<OptOutChanged> optOuts,
            Event<SendingPauseChanged> pauses,
            EntityManager entityManager) {
        this.texts = texts;
        this.replies = replies;
        this.optOuts = optOuts;
        this.pauses = pauses;
        this.entityManager = entityManager;
    }

    @Transactional
    void fire(TextsChanged event) {
        texts.fire(event);
    }

    @Transactional
    void fire(ReplyReceived event) {
        replies.fire(event);
    }

    @Transactional
    void fire(OptOutChanged event) {
        optOuts.fire(event);
    }

    @Transactional
    void fire(SendingPauseChanged event) {
        pauses.fire(event);
    }

    /**
     * Fires a reply and, in the same transaction, makes its delivery look claimed by a node that died: DELIVERING, its
     * lease over a second ago, no outcome recorded.
     */
    @Transactional
    void fireClaimedByADeadNode(ReplyReceived event) {
        replies.fire(event);
        entityManager
                .createNativeQuery("UPDATE webhook_delivery d SET status = 'DELIVERING', claimed_by = 'dead-node',"
                        + " attempts = 1, claim_expires_at = :expired FROM webhook_event ev"
                        + " WHERE ev.id = d.event_id AND ev.clinic_id = :clinic AND d.status = 'PENDING'")
                .setParameter("expired", Instant.now().minusSeconds(1))
                .setParameter("clinic", event.clinicId())
                .executeUpdate();
    }

    @Transactional
    long eventsOf(UUID clinicId) {
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM webhook_event WHERE clinic_id = :clinic")
                        .setParameter("clinic", clinicId)
                        .getSingleResult())
                .longValue();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<String> deliveryStatusesOf(UUID clinicId) {
        return entityManager
                .createNativeQuery("SELECT d.status FROM webhook_delivery d JOIN webhook_event ev ON ev.id = d.event_id"
                        + " WHERE ev.clinic_id = :clinic ORDER BY d.id")
                .setParameter("clinic", clinicId)
                .getResultList();
    }
}
