package io.aftercare.page;

import io.aftercare.reminder.ReminderView;
import io.aftercare.session.ClientPages.PageSession;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** What a page's token opened: the aftercare itself, or a short notice instead. */
sealed interface OpenedPage {

    /**
     * A page within its life, with all it shows.
     *
     * @param locale the client's language, one the guide has
     * @param texts the session's texts, for their steps' due times
     * @param link the page's own link, as the client's texts carry it
     */
    record Open(
            PageSession session,
            String firstName,
            ZoneId zone,
            Locale locale,
            ClinicContact clinic,
            List<ReminderView> texts,
            Instant now,
            String token,
            String link)
            implements OpenedPage {}

    /** No aftercare to show: the notice says why. */
    record Closed(NoticeView notice) implements OpenedPage {}
}
