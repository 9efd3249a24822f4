package io.aftercare.erasure;

import io.aftercare.audit.AuditAction;
import io.aftercare.audit.AuditLog;
import io.aftercare.client.ClientToErase;
import io.aftercare.client.Clients;
import io.aftercare.optout.OptOuts;
import io.aftercare.reminder.ErasedTexts;
import io.aftercare.reminder.Reminders;
import io.aftercare.reply.Replies;
import io.aftercare.session.SessionService;
import io.aftercare.webhook.WebhookErasure;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Erases a client: what every table holds of their name, number and texts, in one transaction, so a client is either
 * untouched or erased through and through. Used by the clinic's DELETE and by the retention purge alike.
 */
@ApplicationScoped
class ClientErasure {

    /** What an erasure request came to. */
    sealed interface Outcome {
        record Erased(ErasureReport report) implements Outcome {}

        /** The clinic has no such client, or it was erased before. */
        record NotFound() implements Outcome {}

        /** A dispatcher is sending one of the client's texts right now; nothing was changed. */
        record Sending() implements Outcome {}
    }

    private final Clients clients;
    private final Reminders reminders;
    private final SessionService sessions;
    private final OptOuts optOuts;
    private final Replies replies;
    private final WebhookErasure webhooks;
    private final AuditLog audit;
    private final Clock clock;

    ClientErasure(
            Clients clients,
            Reminders reminders,
            SessionService sessions,
            OptOuts optOuts,
            Replies replies,
            WebhookErasure webhooks,
            AuditLog audit,
            Clock clock) {
        this.clients = clients;
        this.reminders = reminders;
        this.sessions = sessions;
        this.optOuts = optOuts;
        this.replies = replies;
        this.webhooks = webhooks;
        this.audit = audit;
        this.clock = clock;
    }

    /** Erases the clinic's client with this external id, unless one of its texts is being sent at this moment. */
    @Transactional
    Outcome erase(UUID clinicId, String externalId) {
        Optional<ClientToErase> client = clients.lockForErasure(clinicId, externalId);
        if (client.isEmpty()) {
            return new Outcome.NotFound();
        }
        Optional<ErasureReport> report = eraseLocked(client.get(), externalId, clock.instant());
        if (report.isEmpty()) {
            return new Outcome.Sending();
        }
        ErasureReport erased = report.get();
        audit.record(
                AuditAction.CLIENT_ERASED, clinicId, "client:" + client.get().id(), erased.counts());
        // Ids and counts only: the external id may itself name the person.
        Log.infof(
                "Erased client %s of clinic %s: %d sessions, %d texts (%d cancelled), %d opt-outs kept as a marker",
                client.get().id(),
                clinicId,
                erased.sessions(),
                erased.texts(),
                erased.cancelledTexts(),
                erased.optOutsKeptAsMarker());
        return new Outcome.Erased(erased);
    }

    /**
     * Erases a client locked by the caller's transaction. Every table holding something of a client is erased here,
     * in this one method: page links, when they come, add their step below.
     *
     * <p>A text being sent when the erasure comes is why it may refuse: the dispatcher holds its number and body and
     * will record the outcome on the row, and a text it hands back for a retry would be sent again from the row. So the
     * client's texts are locked first (no claim can take one meanwhile), and when one is being sent nothing is changed:
     * the caller tries again once that outcome is recorded, usually within seconds.
     *
     * @return empty when one of the client's texts is being sent; nothing was changed then
     */
    Optional<ErasureReport> eraseLocked(ClientToErase client, String externalId, Instant now) {
        if (reminders.lockClientTexts(client.id()) > 0) {
            return Optional.empty();
        }
        ErasedTexts texts = reminders.eraseClientTexts(client.id(), now);
        int sessionCount = sessions.eraseClientSessions(client.id());
        clients.erase(client.id(), now);
        // After the client row: an opt-out stays in clear while another client of the clinic holds the number.
        int optOutsKept = optOuts.keepOnlyMarker(client.clinicId(), client.phone());
        int replyCount = replies.eraseClientReplies(client.id(), now);
        // The clinic's own system is not told any more of the client: their events still to be delivered are cancelled.
        int eventCount = webhooks.eraseClient(client.id(), now);
        // Page links (when they exist) are erased here, in this transaction.
        return Optional.of(new ErasureReport(
                externalId, now, sessionCount, texts.texts(), texts.cancelled(), replyCount, optOutsKept, eventCount));
    }
}
