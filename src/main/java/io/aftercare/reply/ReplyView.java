package io.aftercare.reply;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A client's reply as the clinic sees it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Reply")
public record ReplyView(
        UUID id,

        @Schema(description = "The clinic's id of the client", example = "client-311")
        String clientId,

        @Schema(description = "The clinic's id of the session whose aftercare was under way, if one was")
        String sessionId,

        @Schema(description = "The client's number, E.164", example = "+16045550123")
        String from,

        @Schema(description = "The client's words as received; empty once the client was erased")
        String body,

        Instant receivedAt,
        ReplyCategory category,

        @Schema(description = "OPT_OUT, OPT_IN or HELP, for a KEYWORD reply")
        String keyword,

        @Schema(enumeration = {"OPEN", "RESOLVED"}) String status,

        Instant resolvedAt,

        @Schema(description = "Who resolved it, as the audit log names actors", example = "clinic:0190a1b2-...")
        String resolvedBy,

        @Schema(description = "The note left when resolving it")
        String note) {

    static ReplyView of(Reply reply, String clientExternalId, String sessionExternalId) {
        return new ReplyView(
                reply.id,
                clientExternalId,
                sessionExternalId,
                reply.fromPhone,
                reply.body,
                reply.receivedAt,
                reply.category,
                reply.keyword,
                reply.status.name(),
                reply.resolvedAt,
                reply.resolvedBy,
                reply.resolutionNote);
    }
}
