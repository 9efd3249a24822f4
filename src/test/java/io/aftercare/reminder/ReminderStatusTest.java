package io.aftercare.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The state machine itself is well formed; ReminderTransitionsTest holds the code to it. */
class ReminderStatusTest {

    @Test
    void shouldReachEveryStatusFromOneATextIsRecordedWith() {
        assertThat(reachableFrom(ReminderStatus.INITIAL)).containsExactlyInAnyOrder(ReminderStatus.values());
    }

    @ParameterizedTest
    @EnumSource(ReminderStatus.class)
    void shouldLeadEveryStatusToAnEnd(ReminderStatus status) {
        assertThat(reachableFrom(Set.of(status))).anyMatch(ReminderStatus::isFinal);
    }

    @ParameterizedTest
    @EnumSource(ReminderStatus.class)
    void shouldNeverFollowAStatusWithItself(ReminderStatus status) {
        assertThat(status.allowedNext()).doesNotContain(status);
    }

    @Test
    void shouldEndATextOnlyOnceItIsSentOrWillNeverBe() {
        assertThat(EnumSet.allOf(ReminderStatus.class))
                .filteredOn(ReminderStatus::isFinal)
                .containsExactlyInAnyOrder(
                        ReminderStatus.DELIVERED,
                        ReminderStatus.FAILED,
                        ReminderStatus.CANCELLED,
                        ReminderStatus.SKIPPED,
                        ReminderStatus.SUPERSEDED,
                        ReminderStatus.EXPIRED);
    }

    @ParameterizedTest
    @EnumSource(
            value = ReminderStatus.class,
            names = {"SCHEDULED", "HELD"})
    void shouldLetTheClinicWithdrawAndALaterSessionReplaceEveryPendingText(ReminderStatus pending) {
        assertThat(ReminderStatus.PENDING).contains(pending);
        assertThat(pending.allowedNext()).contains(ReminderStatus.CANCELLED, ReminderStatus.SUPERSEDED);
    }

    @Test
    void shouldLetATextInFlightTakeEveryStatusItCouldWaitIn() {
        // An attempt that hands its text back applies what was decided meanwhile (WaitingStatus).
        assertThat(ReminderStatus.SENDING.allowedNext())
                .contains(
                        ReminderStatus.SCHEDULED,
                        ReminderStatus.HELD,
                        ReminderStatus.CANCELLED,
                        ReminderStatus.SUPERSEDED);
    }

    @Test
    void shouldSendOnlyFromTheQueue() {
        assertThat(EnumSet.allOf(ReminderStatus.class))
                .filteredOn(status -> status.allowedNext().contains(ReminderStatus.SENDING))
                .containsExactly(ReminderStatus.SCHEDULED);
        assertThat(EnumSet.allOf(ReminderStatus.class))
                .filteredOn(status -> status.allowedNext().contains(ReminderStatus.SENT))
                .containsExactly(ReminderStatus.SENDING);
    }

    private static Set<ReminderStatus> reachableFrom(Set<ReminderStatus> start) {
        Set<ReminderStatus> seen = EnumSet.copyOf(start);
        Deque<ReminderStatus> next = new ArrayDeque<>(start);
        while (!next.isEmpty()) {
            for (ReminderStatus status : next.pop().allowedNext()) {
                if (seen.add(status)) {
                    next.push(status);
                }
            }
        }
        return seen;
    }
}
