package io.aftercare.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Hours of the client's day when no text goes out, e.g. 21:00 to 08:00. The window may cross midnight. A text due
 * inside it goes out when it ends; when the end falls in a DST gap it moves forward with the clocks.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** 21:00 to 08:00, client-local. */
    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("Quiet hours must start and end at different times");
        }
    }

    public boolean contains(Instant instant, ZoneId zone) {
        LocalTime time = instant.atZone(zone).toLocalTime();
        return crossesMidnight()
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
    }

    /** {@code instant} itself when it is outside quiet hours, otherwise the instant they end. */
    public Instant nextAllowed(Instant instant, ZoneId zone) {
        if (!contains(instant, zone)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone);
        LocalDate endDate = crossesMidnight() && !local.toLocalTime().isBefore(start)
                ? local.toLocalDate().plusDays(1)
                : local.toLocalDate();
        return ZonedDateTime.of(endDate, end, zone).toInstant();
    }

    private boolean crossesMidnight() {
        return end.isBefore(start);
    }
}
