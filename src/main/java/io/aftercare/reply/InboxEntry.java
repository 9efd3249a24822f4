package io.aftercare.reply;

import java.util.UUID;

/**
 * A reply in the clinic's inbox, with its client's internal id, which pages put in links: the API's {@link ReplyView}
 * names the client by the clinic's own id, which may name the person and never goes in a URL.
 *
 * @param client the client's internal id (a reply a clinic sees always has a client)
 */
public record InboxEntry(ReplyView reply, UUID client) {}
