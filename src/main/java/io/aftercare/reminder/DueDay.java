package io.aftercare.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A calendar day in a zone, as the instants it spans: {@code [from, to)}. On a day the clocks change it is 23 or 25
 * hours long, and it starts at the first valid local time where midnight itself does not exist.
 */
public record DueDay(Instant from, Instant to) {

    /** The day {@code now} falls on in {@code zone}. */
    public static DueDay of(Instant now, ZoneId zone) {
        return of(LocalDate.ofInstant(now, zone), zone);
    }

    public static DueDay of(LocalDate date, ZoneId zone) {
        return new DueDay(
                date.atStartOfDay(zone).toInstant(),
                date.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
