package io.aftercare.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;

/**
 * Takes an erased client out of an event's body, as the client's erasure takes them out of the texts and replies: the
 * client's words, the clinic's id of them and a text's error go; our id of the client, the session's id, statuses and
 * times stay, as they stay on the rows. An opt-out's entry for the client goes altogether, so the event speaks only of
 * the clients it still names. Every other field keeps its
 * value and place.
 */
final class EventScrub {

    /** The fields of a reply's or a text's {@code data} that hold something of the client. */
    static final List<String> PERSONAL_FIELDS = List.of("clientExternalId", "body", "error");

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventScrub() {}

    /** @return the body without what it held of this client; the body itself when it held nothing */
    static String without(String payload, UUID clientId) {
        JsonNode body;
        try {
            body = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event's body is the JSON the recorder wrote", e);
        }
        if (!(body.get("data") instanceof ObjectNode data)) {
            return payload;
        }
        boolean changed = false;
        if (names(data, "clientId", clientId)) {
            for (String field : PERSONAL_FIELDS) {
                if (data.has(field) && !data.get(field).isNull()) {
                    data.putNull(field);
                    changed = true;
                }
            }
        }
        if (data.get("clients") instanceof ArrayNode clients) {
            for (int i = clients.size() - 1; i >= 0; i--) {
                if (clients.get(i) instanceof ObjectNode client && names(client, "clientId", clientId)) {
                    clients.remove(i);
                    changed = true;
                }
            }
        }
        if (!changed) {
            return payload;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree read from JSON writes back", e);
        }
    }

    private static boolean names(ObjectNode node, String field, UUID clientId) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && value.asText().equalsIgnoreCase(clientId.toString());
    }
}
