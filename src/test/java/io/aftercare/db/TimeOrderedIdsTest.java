package io.aftercare.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void shouldMakeVersionSevenIds() {
        assertThat(TimeOrderedIds.next().version()).isEqualTo(7);
    }

    @Test
    void shouldOrderIdsMadeInDifferentMillisecondsAsPostgresOrdersThem() throws InterruptedException {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(TimeOrderedIds.next());
            Thread.sleep(2);
        }

        // PostgreSQL compares uuids byte by byte, unsigned: as their hex text compares.
        assertThat(ids).isSortedAccordingTo(Comparator.comparing(UUID::toString));
    }

    @Test
    void shouldNeverRepeatAnId() {
        HashSet<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.next());
        }

        assertThat(ids).hasSize(100_000);
    }
}
