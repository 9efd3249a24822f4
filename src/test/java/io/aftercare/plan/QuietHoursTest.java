package io.aftercare.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuietHoursTest {

    @ParameterizedTest(name = "{0} {1} with quiet hours {2}-{3}: goes out at {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # zone           | due (UTC)              | quiet | until | goes out (UTC)
            America/Vancouver| 2026-11-21T06:30:00Z   | 21:00 | 08:00 | 2026-11-21T16:00:00Z
            America/Vancouver| 2026-11-21T04:59:59Z   | 21:00 | 08:00 | 2026-11-21T04:59:59Z
            America/Vancouver| 2026-11-21T05:00:00Z   | 21:00 | 08:00 | 2026-11-21T16:00:00Z
            America/Vancouver| 2026-11-21T08:00:00Z   | 21:00 | 08:00 | 2026-11-21T16:00:00Z
            America/Vancouver| 2026-11-21T15:59:59Z   | 21:00 | 08:00 | 2026-11-21T16:00:00Z
            America/Vancouver| 2026-11-21T16:00:00Z   | 21:00 | 08:00 | 2026-11-21T16:00:00Z
            America/Vancouver| 2026-11-01T04:30:00Z   | 21:00 | 08:00 | 2026-11-01T16:00:00Z
            America/Vancouver| 2026-11-01T08:30:00Z   | 21:00 | 08:00 | 2026-11-01T16:00:00Z
            America/Vancouver| 2026-11-01T09:30:00Z   | 21:00 | 08:00 | 2026-11-01T16:00:00Z
            America/Vancouver| 2027-03-14T09:30:00Z   | 21:00 | 08:00 | 2027-03-14T15:00:00Z
            America/Vancouver| 2027-03-14T09:30:00Z   | 01:00 | 02:30 | 2027-03-14T10:30:00Z
            Europe/Paris     | 2026-10-24T20:00:00Z   | 21:00 | 08:00 | 2026-10-25T07:00:00Z
            Europe/Paris     | 2026-10-25T00:30:00Z   | 21:00 | 08:00 | 2026-10-25T07:00:00Z
            Europe/Paris     | 2027-03-27T21:00:00Z   | 21:00 | 08:00 | 2027-03-28T06:00:00Z
            Europe/Paris     | 2026-11-21T11:30:00Z   | 13:00 | 14:00 | 2026-11-21T11:30:00Z
            Europe/Paris     | 2026-11-21T12:30:00Z   | 12:00 | 14:00 | 2026-11-21T13:00:00Z
            Asia/Kolkata     | 2026-11-21T17:00:00Z   | 21:00 | 08:00 | 2026-11-22T02:30:00Z
            Asia/Kolkata     | 2026-11-21T18:29:00Z   | 21:00 | 08:00 | 2026-11-22T02:30:00Z
            Asia/Kolkata     | 2026-11-21T18:31:00Z   | 21:00 | 08:00 | 2026-11-22T02:30:00Z
            """)
    void shouldMoveATextDueInQuietHoursToTheirEnd(
            String zone, Instant due, LocalTime start, LocalTime end, Instant expected) {
        QuietHours quiet = new QuietHours(start, end);

        Instant allowed = quiet.nextAllowed(due, ZoneId.of(zone));

        assertThat(allowed).isEqualTo(expected);
        assertThat(quiet.contains(allowed, ZoneId.of(zone))).isFalse();
    }

    @Test
    void shouldSendOnceAtTheEndOfTheNightWhenTheClocksFallBack() {
        // 2026-11-01 in Vancouver: 01:00-02:00 happens twice. Both 01:30s are quiet and both go out at 08:00 PST.
        ZoneId vancouver = ZoneId.of("America/Vancouver");
        Instant firstOneThirty = Instant.parse("2026-11-01T08:30:00Z");
        Instant secondOneThirty = Instant.parse("2026-11-01T09:30:00Z");

        assertThat(QuietHours.DEFAULT.nextAllowed(firstOneThirty, vancouver))
                .isEqualTo(QuietHours.DEFAULT.nextAllowed(secondOneThirty, vancouver))
                .isEqualTo(Instant.parse("2026-11-01T16:00:00Z"));
    }

    @Test
    void shouldWaitForTheNextEndWhenTheClocksJumpOverThisOne() {
        // Troll station jumps from 01:00 to 03:00 on 2024-03-31; with quiet hours 01:01-01:00 no moment of that day is
        // allowed, so the text waits for 01:00 the next day.
        ZoneId troll = ZoneId.of("Antarctica/Troll");
        QuietHours almostAllDay = new QuietHours(LocalTime.of(1, 1), LocalTime.of(1, 0));

        assertThat(almostAllDay.nextAllowed(Instant.parse("2024-03-30T23:00:00Z"), troll))
                .isEqualTo(Instant.parse("2024-03-31T23:00:00Z"));
    }

    @Test
    void shouldRefuseAnEmptyWindow() {
        assertThatIllegalArgumentException().isThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON));
    }

    /**
     * A zone whose rules are not IANA's own: ical4j registers its bundled copies with the JVM, and in its
     * America/Campo_Grande (still with DST) the end of these quiet hours kept landing in quiet time, so the old
     * recursion overflowed the stack (found by SchedulePropertiesTest). Such a zone must end, and be refused as input.
     */
    @Test
    void shouldEndEvenInAZoneWhoseRulesKeepTheEndQuiet() {
        net.fortuna.ical4j.model.TimeZoneRegistry.getGlobalZoneId("America/Campo_Grande");
        String ical4jId = net.fortuna.ical4j.model.TimeZoneRegistry.ZONE_IDS.entrySet().stream()
                .filter(entry -> entry.getValue().equals("America/Campo_Grande"))
                .map(java.util.Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        QuietHours quiet = new QuietHours(LocalTime.of(15, 44), LocalTime.of(0, 18));
        Instant at = Instant.parse("2024-01-01T00:23:16Z");

        Instant allowed = quiet.nextAllowed(at, ZoneId.of(ical4jId));

        assertThat(allowed).isAfter(at).isBefore(at.plus(java.time.Duration.ofDays(4)));
        assertThat(TimeZones.isIana(ical4jId)).isFalse();
        assertThat(TimeZones.isIana("America/Campo_Grande")).isTrue();
    }
}
