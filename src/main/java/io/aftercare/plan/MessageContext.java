package io.aftercare.plan;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What a message template can mention, besides the date of its own step.
 *
 * @param treatmentContinues true after a treatment session that is not the last one, so the client comes back
 * @param sessionDate the client-local date of the session
 * @param nextSessionDate the earliest date of the next session, given the plan's spacing
 */
public record MessageContext(
        String firstName,
        String clinicName,
        String clinicPhone,
        boolean treatmentContinues,
        Locale locale,
        LocalDate sessionDate,
        LocalDate nextSessionDate) {

    /** Longer names than most, for checking that a template fits in its segments for nearly every client. */
    public static MessageContext sample(Locale locale, String clinicName, String clinicPhone) {
        LocalDate date = LocalDate.of(2026, 12, 31);
        return new MessageContext("Maximilianne-Jo", clinicName, clinicPhone, true, locale, date, date.plusDays(10));
    }
}
