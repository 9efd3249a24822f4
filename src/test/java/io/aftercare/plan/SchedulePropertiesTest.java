package io.aftercare.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the session, zone, quiet hours and lateness: the schedule keeps its promises. */
class SchedulePropertiesTest {

    private static final AftercarePlan PLAN = Plans.builtIn();
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(TimeZones::isIana)
            .sorted()
            .toList();

    @Property(tries = 2000)
    void noStepFallsDueBeforeTheSessionEnded(
            @ForAll("sessions") SessionFacts session, @ForAll("lateness") Duration late) {
        List<ScheduledStep> schedule =
                ScheduleCalculator.schedule(PLAN, session, session.ended().plus(late));

        assertThat(schedule).allSatisfy(step -> assertThat(step.dueAt()).isAfterOrEqualTo(session.ended()));
    }

    @Property(tries = 2000)
    void stepsKeepThePlansOrder(@ForAll("sessions") SessionFacts session, @ForAll("lateness") Duration late) {
        List<ScheduledStep> schedule =
                ScheduleCalculator.schedule(PLAN, session, session.ended().plus(late));

        List<String> planOrder = PLAN.steps().stream().map(PlanStep::key).toList();
        List<String> keys = schedule.stream().map(step -> step.step().key()).toList();
        assertThat(keys).isSortedAccordingTo((a, b) -> planOrder.indexOf(a) - planOrder.indexOf(b));
        assertThat(schedule).extracting(ScheduledStep::dueAt).isSorted();
    }

    @Property(tries = 2000)
    void nothingGoesOutInQuietHours(@ForAll("sessions") SessionFacts session, @ForAll("lateness") Duration late) {
        Instant now = session.ended().plus(late);

        List<ScheduledStep> schedule = ScheduleCalculator.schedule(PLAN, session, now);

        schedule.stream().filter(step -> !step.stale()).forEach(step -> {
            Instant goesOut = step.dueAt().isBefore(now) ? now : step.dueAt();
            session.quietHours()
                    .ifPresent(quiet -> assertThat(quiet.contains(goesOut, session.clientZone()))
                            .as("%s at %s", step.step().key(), goesOut)
                            .isFalse());
        });
    }

    @Property(tries = 1000)
    void atMostOnePastStepIsStillSent(@ForAll("sessions") SessionFacts session, @ForAll("lateness") Duration late) {
        Instant now = session.ended().plus(late);

        List<ScheduledStep> schedule = ScheduleCalculator.schedule(PLAN, session, now);

        assertThat(schedule)
                .filteredOn(step -> !step.stale() && step.dueAt().isBefore(now))
                .hasSizeLessThanOrEqualTo(1);
    }

    @Provide
    Arbitrary<SessionFacts> sessions() {
        Arbitrary<Instant> ended = Arbitraries.longs()
                .between(
                        Instant.parse("2024-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("2030-12-31T00:00:00Z").getEpochSecond())
                .map(Instant::ofEpochSecond);
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
        Arbitrary<Optional<QuietHours>> quiet = Combinators.combine(minutesOfDay(), minutesOfDay())
                .filter((start, end) -> !start.equals(end))
                .as(QuietHours::new)
                .optional(0.8);
        Arbitrary<Set<String>> optional = Arbitraries.of(Set.<String>of(), PLAN.optionalSteps());
        return Combinators.combine(ended, zones, Arbitraries.of(true, false), quiet, optional)
                .as(SessionFacts::new);
    }

    @Provide
    Arbitrary<Duration> lateness() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 3_600).map(Duration::ofSeconds)),
                net.jqwik.api.Tuple.of(
                        3, Arbitraries.longs().between(0, 30 * 24).map(Duration::ofHours)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 120).map(Duration::ofDays)));
    }

    private static Arbitrary<LocalTime> minutesOfDay() {
        return Arbitraries.integers().between(0, 24 * 60 - 1).map(minute -> LocalTime.of(minute / 60, minute % 60));
    }
}
