package io.aftercare.erasure;

import io.aftercare.audit.AuditAction;
import io.aftercare.audit.AuditLog;
import io.aftercare.client.ClientToErase;
import io.aftercare.client.Clients;
import io.aftercare.config.AftercareConfig;
import io.aftercare.optout.OptOuts;
import io.aftercare.reply.Replies;
import io.aftercare.webhook.WebhookRetention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Erases, a batch per transaction, the clients whose last session ended longer ago than their clinic's retention,
 * with the same erasure as a clinic's DELETE.
 */
@ApplicationScoped
class RetentionPurge {

    /** What one batch did: how many clients it looked at and how many of them it erased. */
    record Batch(int locked, int erased) {}

    private final Clients clients;
    private final ClientErasure erasure;
    private final OptOuts optOuts;
    private final Replies replies;
    private final WebhookRetention webhooks;
    private final AuditLog audit;
    private final AftercareConfig.Retention config;
    private final Clock clock;

    RetentionPurge(
            Clients clients,
            ClientErasure erasure,
            OptOuts optOuts,
            Replies replies,
            WebhookRetention webhooks,
            AuditLog audit,
            AftercareConfig config,
            Clock clock) {
        this.clients = clients;
        this.erasure = erasure;
        this.optOuts = optOuts;
        this.replies = replies;
        this.webhooks = webhooks;
        this.audit = audit;
        this.config = config.retention();
        this.clock = clock;
    }

    /** Erases one batch in its own transaction; clients another node is purging are left to it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Batch purgeBatch() {
        Instant now = clock.instant();
        List<ClientToErase> due = clients.lockPastRetention(now, config.defaultDays(), config.batchSize());
        Map<UUID, Integer> erasedByClinic = new TreeMap<>();
        for (ClientToErase client : due) {
            // A held text put back in the queue by a START since the lookup may be being sent: the next run takes it.
            Optional<ErasureReport> report = erasure.eraseLocked(client, null, now);
            if (report.isPresent()) {
                erasedByClinic.merge(client.clinicId(), 1, Integer::sum);
            }
        }
        // One record per clinic and batch: a first purge of a large clinic would otherwise bury every other record.
        erasedByClinic.forEach((clinicId, count) ->
                audit.record(AuditAction.RETENTION_PURGED, clinicId, "clients", Map.of("clients", count)));
        return new Batch(
                due.size(),
                erasedByClinic.values().stream().mapToInt(Integer::intValue).sum());
    }

    /**
     * Turns into markers, in its own transaction, up to a batch of opt-outs whose number no client of the clinic holds
     * any more: it closes the one gap an erasure leaves, a STOP recorded while it ran.
     *
     * @return how many it turned
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int markOrphanedOptOuts() {
        return optOuts.keepOnlyMarkersOfOrphans(config.batchSize());
    }

    /**
     * Erases, in its own transaction, up to a batch of replies no clinic could be named for, once older than the
     * operator's default retention: no clinic sees them, and no client's erasure reaches them.
     *
     * @return how many it erased
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int eraseUnattributedReplies() {
        Instant now = clock.instant();
        return replies.eraseUnattributedBefore(
                now.minus(java.time.Duration.ofDays(config.defaultDays())), now, config.batchSize());
    }

    /**
     * Deletes, in its own transaction, up to a batch of webhook events whose deliveries are all over and that are older
     * than {@code aftercare.webhooks.keep-deliveries}, with their deliveries and attempts.
     *
     * @return how many events it deleted
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int purgeOldWebhookEvents() {
        return webhooks.purgeOlderThanRetention(clock.instant(), config.batchSize());
    }

    int batchSize() {
        return config.batchSize();
    }
}
