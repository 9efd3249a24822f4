package io.aftercare.dashboard.replies;

import io.aftercare.dashboard.ClinicTimes.ShownTime;
import java.util.UUID;

/**
 * A client's reply as the dashboard lists it, on Replies and at the top of Today.
 *
 * @param client the client's name; empty once the client was erased
 * @param phone the number's last digits ({@code …0123}); empty once erased
 * @param category URGENT, QUESTION, OTHER or KEYWORD
 * @param resolvedAt null while the reply is open
 */
public record ReplyRow(
        UUID id,
        UUID clientId,
        String client,
        String phone,
        ShownTime received,
        String category,
        String body,
        boolean open,
        ShownTime resolvedAt,
        String note) {

    public boolean urgent() {
        return "URGENT".equals(category);
    }

    public boolean erased() {
        return client.isEmpty();
    }

    /** The reply in its client's timeline (the Clients screen puts an anchor on each reply). */
    public String timelineUrl() {
        return "/app/clients/" + clientId + "#reply-" + id;
    }

    /** The DOM id of the reply's entry on the Replies page. */
    public String anchor() {
        return "reply-" + id;
    }
}
