package io.aftercare.dashboard.replies;

import java.util.List;
import java.util.UUID;

/**
 * What the Replies page shows, built before the template formats it.
 *
 * @param status the status filter as the form holds it: {@code open}, {@code resolved}, or empty for any
 * @param category the category filter: {@code urgent}, {@code question}, {@code other}, {@code keyword}, or empty
 * @param nextCursor the cursor of the next page; null on the last
 * @param staleCursor whether a page was asked for that no longer exists (the first page is shown)
 * @param done what the last action did ({@code sent}, {@code resolved}), for the status message; null if none
 * @param refusal a form the service refused, shown again with the reason; null if none
 */
public record RepliesView(
        String status,
        String category,
        List<ReplyRow> replies,
        String nextCursor,
        boolean staleCursor,
        String done,
        Refusal refusal) {

    /** A refused answer or note: which reply's form, which field, why, and what the user had typed. */
    public record Refusal(UUID replyId, String field, String reason, String value) {

        public boolean of(UUID reply, String formField) {
            return replyId.equals(reply) && field.equals(formField);
        }
    }

    public boolean filtered() {
        return !category.isEmpty() || !"open".equals(status);
    }

    public String refusedValue(UUID reply, String field) {
        return refusal != null && refusal.of(reply, field) ? refusal.value() : "";
    }

    public String refusedReason(UUID reply, String field) {
        return refusal != null && refusal.of(reply, field) ? refusal.reason() : null;
    }
}
