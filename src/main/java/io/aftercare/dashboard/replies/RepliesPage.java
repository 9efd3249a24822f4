package io.aftercare.dashboard.replies;

import io.aftercare.dashboard.DashboardScope;
import io.aftercare.problem.ProblemException;
import io.aftercare.reply.InboxEntry;
import io.aftercare.reply.Replies;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Gathers a page of the signed-in user's clinic's replies, filtered as asked. */
@RequestScoped
class RepliesPage {

    static final int PAGE = 50;
    private static final Set<String> STATUSES = Set.of("open", "resolved");
    private static final Set<String> CATEGORIES = Set.of("urgent", "question", "other", "keyword");

    private final DashboardScope scope;
    private final Replies replies;
    private final ReplyRows rows;

    RepliesPage(DashboardScope scope, Replies replies, ReplyRows rows) {
        this.scope = scope;
        this.replies = replies;
        this.rows = rows;
    }

    /**
     * A page of replies. Open replies unless {@code status} says otherwise (empty: any); a filter value the form does
     * not offer counts as none; a cursor the list did not give shows the first page.
     *
     * @param refused a refused form to show again; its reply is listed first if the page would not list it
     */
    RepliesView build(String status, String category, String cursor, String done, RepliesView.Refusal refused) {
        String statusFilter = status == null ? "open" : choice(status, STATUSES);
        String categoryFilter = category == null ? "" : choice(category, CATEGORIES);
        boolean stale = false;
        Replies.InboxPage page;
        try {
            page = list(statusFilter, categoryFilter, cursor);
        } catch (ProblemException badCursor) {
            stale = true;
            page = list(statusFilter, categoryFilter, null);
        }
        List<InboxEntry> entries = new ArrayList<>(page.entries());
        if (refused != null
                && entries.stream().noneMatch(entry -> entry.reply().id().equals(refused.replyId()))) {
            replies.entry(scope.clinicId(), refused.replyId()).ifPresent(entry -> entries.add(0, entry));
        }
        return new RepliesView(
                statusFilter,
                categoryFilter,
                rows.of(entries),
                page.nextCursor(),
                stale,
                done == null ? null : choice(done, Set.of("sent", "resolved")),
                refused);
    }

    private Replies.InboxPage list(String status, String category, String cursor) {
        return replies.inbox(
                scope.clinicId(),
                status.isEmpty() ? null : status,
                category.isEmpty() ? null : category,
                cursor == null || cursor.isEmpty() ? null : cursor,
                PAGE);
    }

    private static String choice(String value, Set<String> allowed) {
        String lower = value.toLowerCase(Locale.ROOT);
        return allowed.contains(lower) ? lower : "";
    }
}
