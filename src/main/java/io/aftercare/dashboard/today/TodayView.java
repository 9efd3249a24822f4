package io.aftercare.dashboard.today;

import io.aftercare.dashboard.ClinicTimes.ShownTime;
import io.aftercare.dashboard.replies.ReplyRow;
import java.util.List;

/**
 * What Today shows, built before the template formats it.
 *
 * @param pausedSince null while the clinic's sending is not paused
 * @param moreUrgent whether more open urgent replies wait than the page lists
 * @param nextDue the cursor of the next page of texts due today; null on the last
 * @param nextFailures the cursor of the next page of texts that need someone; null on the last
 * @param staleCursor whether a page was asked for that no longer exists (its first page is shown)
 */
public record TodayView(
        ShownTime pausedSince,
        String pauseReason,
        List<ReplyRow> urgent,
        boolean moreUrgent,
        List<TextRow> failures,
        String nextFailures,
        List<TextRow> due,
        String nextDue,
        boolean staleCursor) {

    public boolean paused() {
        return pausedSince != null;
    }
}
