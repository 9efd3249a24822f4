package io.aftercare.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** When a step falls due, relative to the end of the session. Written in a plan as {@code "PT2H"} or {@code "day 4 at 09:00"}. */
public sealed interface StepTiming {

    Instant dueAt(Instant sessionEnded, ZoneId clientZone);

    /** A fixed delay after the session ended, whatever the clock on the wall says. */
    record AfterSession(Duration delay) implements StepTiming {
        @Override
        public Instant dueAt(Instant sessionEnded, ZoneId clientZone) {
            return sessionEnded.plus(delay);
        }

        @Override
        public String toString() {
            return delay.toString();
        }
    }

    /**
     * A wall-clock time on the client's N-th day, day 1 being the local date the session ended. Across a DST gap the
     * time moves forward by the gap; in a DST overlap the earlier of the two instants is used.
     */
    record DayAt(int day, LocalTime time) implements StepTiming {
        @Override
        public Instant dueAt(Instant sessionEnded, ZoneId clientZone) {
            var firstDay = sessionEnded.atZone(clientZone).toLocalDate();
            return ZonedDateTime.of(firstDay.plusDays(day - 1L), time, clientZone)
                    .toInstant();
        }

        @Override
        public String toString() {
            return "day " + day + " at " + time;
        }
    }

    Pattern DAY_AT = Pattern.compile("day (\\d{1,3}) at (\\d{2}:\\d{2})");

    /** The latest a step may fall due after its session, as "day 999" is the latest a "day N" can name. */
    Duration LATEST = Duration.ofDays(999);

    /**
     * @throws IllegalArgumentException with a reason that reads after the field's name: "is required...", "must..."
     */
    static StepTiming parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("is required, such as \"PT0S\" or \"day 4 at 09:00\"");
        }
        Matcher dayAt = DAY_AT.matcher(text.trim());
        try {
            if (dayAt.matches()) {
                int day = Integer.parseInt(dayAt.group(1));
                if (day < 1) {
                    throw new IllegalArgumentException(
                            "must count days from 1, the day of the session, not '" + text + "'");
                }
                return new DayAt(day, LocalTime.parse(dayAt.group(2)));
            }
            Duration delay = Duration.parse(text.trim());
            if (delay.isNegative()) {
                throw new IllegalArgumentException("must not fall due before the session ended: '" + text + "'");
            }
            // Bounded so that a posted plan cannot push a due time past what an Instant holds.
            if (delay.compareTo(LATEST) > 0) {
                throw new IllegalArgumentException(
                        "must fall due at most 999 days after the session, not '" + text + "'");
            }
            return new AfterSession(delay);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "must be an ISO-8601 duration or \"day N at HH:MM\", not '" + text + "'", e);
        }
    }
}
