package io.aftercare.reply;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aftercare.client.Client;
import io.aftercare.problem.ProblemException;
import io.aftercare.reminder.ReminderView;
import io.aftercare.reminder.Reminders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A client's texts, of every kind, and their replies, in one timeline. */
@ApplicationScoped
public class Conversations {

    @Schema(name = "Conversation")
    public record Conversation(
            @Schema(description = "The clinic's id of the client")
            String clientId,

            List<Entry> entries) {}

    /** One text or one reply: exactly one of {@code text} and {@code reply} is present. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ConversationEntry")
    public record Entry(
            @Schema(enumeration = {"TEXT", "REPLY"}) String type,

            @Schema(description = "When a text went out (or is due, until it has), or when a reply came")
            Instant at,

            ReminderView text,
            ReplyView reply) {}

    private final Reminders reminders;
    private final Replies replies;

    Conversations(Reminders reminders, Replies replies) {
        this.reminders = reminders;
        this.replies = replies;
    }

    /** @throws ProblemException 404 when the clinic has no such client */
    @Transactional(Transactional.TxType.SUPPORTS)
    Conversation of(UUID clinicId, String clientExternalId) {
        return of(
                clinicId,
                Client.findByExternalId(clinicId, clientExternalId)
                        .orElseThrow(
                                () -> ProblemException.notFound("No client " + clientExternalId + " for this clinic")));
    }

    /**
     * The same for the clinic's client with this internal id, as the staff's pages name clients.
     *
     * @throws ProblemException 404 when the clinic has no such client, or it was erased
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Conversation of(UUID clinicId, UUID clientId) {
        return of(
                clinicId,
                Client.<Client>find("clinicId = ?1 and id = ?2 and erasedAt is null", clinicId, clientId)
                        .firstResultOptional()
                        .orElseThrow(() -> ProblemException.notFound("No client " + clientId + " for this clinic")));
    }

    private Conversation of(UUID clinicId, Client client) {
        List<Entry> entries = new ArrayList<>();
        for (ReminderView text : reminders.forClient(client.id)) {
            entries.add(new Entry("TEXT", text.sentAt() != null ? text.sentAt() : text.dueAt(), text, null));
        }
        for (ReplyView reply : replies.fromClient(clinicId, client.id)) {
            entries.add(new Entry("REPLY", reply.receivedAt(), null, reply));
        }
        entries.sort(Comparator.comparing(Entry::at));
        return new Conversation(client.externalId, entries);
    }
}
