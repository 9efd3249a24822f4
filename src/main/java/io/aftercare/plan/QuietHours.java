package io.aftercare.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Hours of the client's day when no text goes out, e.g. 21:00 to 08:00. The window may cross midnight. A text due
 * inside it goes out when it ends; when the end falls in a DST gap it moves forward with the clocks, to the first
 * moment that is not quiet.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** 21:00 to 08:00, client-local. */
    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    private static final int MOST_ENDS_TRIED = 3;

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
        Instant allowed = instant;
        // When a DST gap swallows the end, the clocks jump to a time that may still be quiet: then the next end counts.
        // Two ends are enough for any real zone; the bound keeps rules that jump every day from looping for ever.
        for (int ends = 0; ends < MOST_ENDS_TRIED && contains(allowed, zone); ends++) {
            allowed = end(allowed, zone);
        }
        return allowed;
    }

    private Instant end(Instant quiet, ZoneId zone) {
        ZonedDateTime local = quiet.atZone(zone);
        LocalDate endDate = crossesMidnight() && !local.toLocalTime().isBefore(start)
                ? local.toLocalDate().plusDays(1)
                : local.toLocalDate();
        return ZonedDateTime.of(endDate, this.end, zone).toInstant();
    }

    private boolean crossesMidnight() {
        return end.isBefore(start);
    }
}
