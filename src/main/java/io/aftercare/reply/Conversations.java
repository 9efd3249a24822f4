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
class Conversations {

    @Schema(name = "Conversation")
    record Conversation(
            @Schema(description = "The clinic's id of the client")
            String clientId,

            List<Entry> entries) {}

    /** One text or one reply: exactly one of {@code text} and {@code reply} is present. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ConversationEntry")
    record Entry(
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
        Client client = Client.findByExternalId(clinicId, clientExternalId)
                .orElseThrow(() -> ProblemException.notFound("No client " + clientExternalId + " for this clinic"));
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
