package io.aftercare.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepTimingTest {

    @Test
    void shouldReadBothForms() {
        assertThat(StepTiming.parse("PT2H")).isEqualTo(new StepTiming.AfterSession(Duration.ofHours(2)));
        assertThat(StepTiming.parse("day 4 at 09:00")).isEqualTo(new StepTiming.DayAt(4, LocalTime.of(9, 0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "day 0 at 09:00", "day 4 at 25:00", "-PT1H", "day 4"})
    void shouldRefuseWhatIsNotATiming(String text) {
        assertThatThrownBy(() -> StepTiming.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.strip());
    }

    @Test
    void shouldMoveATimeInTheSpringGapForwardByTheGap() {
        // 02:30 does not exist in Vancouver on 2027-03-14; it becomes 03:30 PDT.
        Instant due = new StepTiming.DayAt(3, LocalTime.of(2, 30))
                .dueAt(Instant.parse("2027-03-12T20:00:00Z"), ZoneId.of("America/Vancouver"));

        assertThat(due).isEqualTo(Instant.parse("2027-03-14T10:30:00Z"));
    }

    @Test
    void shouldTakeTheEarlierInstantOfTheRepeatedAutumnHour() {
        // 01:30 happens twice in Vancouver on 2026-11-01; the first one, still PDT, is used.
        Instant due = new StepTiming.DayAt(2, LocalTime.of(1, 30))
                .dueAt(Instant.parse("2026-10-31T20:00:00Z"), ZoneId.of("America/Vancouver"));

        assertThat(due).isEqualTo(Instant.parse("2026-11-01T08:30:00Z"));
    }
}
