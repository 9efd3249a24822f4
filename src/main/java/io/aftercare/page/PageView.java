package io.aftercare.page;

import io.aftercare.page.AftercareGuide.NotNormal;
import io.aftercare.page.AftercareGuide.Section;
import java.util.List;

/**
 * Everything a client's page shows, ready for its template: texts already in the client's language, dates on the
 * client's calendar. It holds the client's first name and nothing else of them.
 *
 * @param language {@code en} or {@code fr}, for {@code <html lang>}
 * @param clinic the clinic's name and phone
 * @param sessionDate the client-local date the session ended
 * @param today the client's day number today and its phase, to jump to; null before day 1
 * @param calendarHref the page's calendar, relative to the page; null when no step is left to put in a calendar
 * @param touchUpDate when the touch-up is due, after the last treatment session; null otherwise
 * @param nextSession when the clinic booked the next session, date and time in the client's zone; null if it did not
 */
record PageView(
        String language,
        ClinicContact clinic,
        String firstName,
        String sessionDate,
        Today today,
        String calendarHref,
        List<PhaseView> phases,
        Section normal,
        NotNormal notNormal,
        Section itching,
        Section longTerm,
        AftercareGuide.TouchUp touchUp,
        String touchUpDate,
        NextSession nextSession) {

    /**
     * One phase of healing on the client's calendar.
     *
     * @param to the phase's last date; null for the last phase, which goes on
     * @param today whether the client is in this phase today, on their own calendar
     * @param clinicWords the clinic's own wording of the steps in this phase, rendered in its sandbox
     */
    record PhaseView(
            String key,
            int fromDay,
            Integer toDay,
            String title,
            String summary,
            List<String> toDo,
            List<String> avoid,
            List<String> clinicWords,
            ShownDate from,
            ShownDate to,
            boolean today) {

        public boolean oneDay() {
            return toDay != null && toDay == fromDay;
        }
    }

    /** Where the client is today: their day number and the phase it falls in. */
    record Today(long day, String phaseKey, String phaseTitle) {}

    /** A date as written for the client, and as ISO 8601 for {@code <time datetime>}. */
    record ShownDate(String iso, String text) {}

    /** The next session, as a date and a time of day written for the client. */
    record NextSession(String iso, String date, String time) {}
}
