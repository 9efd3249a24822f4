package io.aftercare.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleCalculatorTest {

    private static final AftercarePlan PLAN = Plans.builtIn();
    private static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    private static final Instant ENDED =
            OffsetDateTime.parse("2026-11-20T18:30:00-08:00").toInstant();

    @ParameterizedTest(name = "posted {0} after the session: skipped {1}, due now {2}")
    @CsvSource(delimiter = '|', textBlock = """
            PT1M   |                          | days-1-3
            PT20H  |                          | days-1-3
            P2D    |                          | days-1-3
            P3DT2H | days-1-3                 | day-4
            P6D    | days-1-3                 | day-4
            P11D   | days-1-3,day-4           | day-10
            P16D   | days-1-3,day-4,day-10    | day-15
            P20D   | days-1-3,day-4,day-10,day-15 |
            """)
    void shouldSkipStaleStepsAndSendTheOneStillInForce(Duration lateBy, String skipped, String dueNow) {
        Instant now = ENDED.plus(lateBy);

        List<ScheduledStep> schedule = ScheduleCalculator.schedule(PLAN, SessionFacts.of(ENDED, VANCOUVER), now);

        assertThat(schedule)
                .extracting(step -> step.step().key())
                .containsExactly("days-1-3", "day-4", "day-10", "day-15");
        assertThat(schedule)
                .filteredOn(ScheduledStep::stale)
                .extracting(step -> step.step().key())
                .containsExactlyElementsOf(skipped == null ? List.of() : List.of(skipped.split(",")));
        assertThat(schedule)
                .filteredOn(step -> !step.stale() && step.dueAt().isBefore(now))
                .extracting(step -> step.step().key())
                .containsExactlyElementsOf(dueNow == null ? List.of() : List.of(dueNow));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            America/Vancouver | 2026-10-30T18:30:00-07:00 | 2026-11-02T17:00:00Z
            America/Vancouver | 2027-03-12T15:00:00-08:00 | 2027-03-15T16:00:00Z
            Europe/Paris      | 2026-10-23T11:00:00+02:00 | 2026-10-26T08:00:00Z
            Asia/Tokyo        | 2026-10-23T23:30:00+09:00 | 2026-10-26T00:00:00Z
            Asia/Tokyo        | 2026-10-24T00:30:00+09:00 | 2026-10-27T00:00:00Z
            """)
    void shouldPlaceDayFourAtNineInTheClientsZone(String zone, String ended, String dayFour) {
        Instant endedAt = OffsetDateTime.parse(ended).toInstant();

        List<ScheduledStep> schedule =
                ScheduleCalculator.schedule(PLAN, SessionFacts.of(endedAt, ZoneId.of(zone)), endedAt);

        assertThat(schedule.get(0).dueAt()).isEqualTo(endedAt);
        assertThat(schedule.get(1).dueAt()).isEqualTo(Instant.parse(dayFour));
    }
}
