package io.aftercare.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.page.AftercareGuide.Phase;
import io.aftercare.page.PageView.PhaseView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final List<Phase> PHASES = List.of(
            phase("days-1-3", 1, 3),
            phase("days-4-9", 4, 9),
            phase("days-10-14", 10, 14),
            phase("day-15-on", 15, null));

    private static Phase phase(String key, int from, Integer to) {
        return new Phase(key, from, to, key, "", List.of(), List.of(), List.of(key));
    }

    private static List<PhaseView> on(LocalDate firstDay, LocalDate today) {
        return Timeline.phases(PHASES, firstDay, today, PageViews.dayFormat(Locale.ENGLISH), Map.of());
    }

    private static String todays(List<PhaseView> phases) {
        return phases.stream()
                .filter(PhaseView::today)
                .map(PhaseView::key)
                .reduce((a, b) -> a + "," + b)
                .orElse("");
    }

    @Test
    void shouldCountTheSessionsDateAsDayOne() {
        LocalDate session = LocalDate.of(2026, 11, 2);

        assertThat(Timeline.dayOf(session, session)).isEqualTo(1);
        assertThat(todays(on(session, session))).isEqualTo("days-1-3");
        assertThat(todays(on(session, session.plusDays(2)))).isEqualTo("days-1-3");
        assertThat(todays(on(session, session.plusDays(3)))).isEqualTo("days-4-9");
        assertThat(todays(on(session, session.plusDays(13)))).isEqualTo("days-10-14");
        assertThat(todays(on(session, session.plusDays(14)))).isEqualTo("day-15-on");
        assertThat(todays(on(session, session.plusDays(400)))).isEqualTo("day-15-on");
    }

    @Test
    void shouldHighlightNothingBeforeTheSession() {
        LocalDate session = LocalDate.of(2026, 11, 2);

        assertThat(todays(on(session, session.minusDays(1)))).isEmpty();
    }

    @Test
    void shouldDatePhasesOnTheClientsCalendarAcrossADstChange() {
        // Day 1 on Friday 30 October in Vancouver (PDT); clocks go back on Sunday 1 November.
        ZoneId vancouver = ZoneId.of("America/Vancouver");
        LocalDate firstDay =
                Instant.parse("2026-10-31T06:30:00Z").atZone(vancouver).toLocalDate();

        List<PhaseView> phases = on(
                firstDay,
                Instant.parse("2026-11-02T08:30:00Z").atZone(vancouver).toLocalDate());

        assertThat(firstDay).isEqualTo(LocalDate.of(2026, 10, 30));
        assertThat(phases.get(1).from().iso()).isEqualTo("2026-11-02");
        assertThat(phases.get(1).from().text()).isEqualTo("Monday, November 2");
        assertThat(phases.get(1).to().iso()).isEqualTo("2026-11-07");
        assertThat(phases.get(3).to()).isNull();
        assertThat(todays(phases)).as("00:30 on Monday 2 November, day 4").isEqualTo("days-4-9");
    }

    @Test
    void shouldWriteDatesInFrenchTheFrenchWay() {
        assertThat(PageViews.dayFormat(Locale.FRENCH).format(LocalDate.of(2026, 11, 2)))
                .isEqualTo("lundi 2 novembre");
    }
}
