package io.aftercare.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** When a node reports dispatch stalled, and when it must not: a node that has not run is no proof of a stall. */
class DispatchProgressTest {

    private static final Duration STALL_AFTER = Duration.ofSeconds(60);
    private static final DispatchProgress.Runs IDLE = new DispatchProgress.Runs(Optional.empty(), Optional.empty());
    private static final Optional<Duration> TRIGGER_ON_TIME = Optional.of(Duration.ofMillis(-400));

    private final AtomicInteger waitingQueries = new AtomicInteger();

    @Test
    void shouldBeHealthyWhenEveryThreadLives() {
        assertThat(DispatchProgress.deadThreads(new DispatchProgress.Threads(true, true, true)))
                .isEmpty();
    }

    @Test
    void shouldNameEachDeadThread() {
        assertThat(DispatchProgress.deadThreads(new DispatchProgress.Threads(false, true, true)))
                .hasValue("the Quartz scheduler thread is dead");
        assertThat(DispatchProgress.deadThreads(new DispatchProgress.Threads(true, false, true)))
                .hasValue("the sender pool is shut down");
        assertThat(DispatchProgress.deadThreads(new DispatchProgress.Threads(true, true, false)))
                .hasValue("the sent-recorder thread is dead");
        assertThat(DispatchProgress.deadThreads(new DispatchProgress.Threads(false, true, false)))
                .hasValue("the Quartz scheduler thread is dead; the sent-recorder thread is dead");
    }

    @Test
    void shouldNotAskTheDatabaseWhileTheTriggerFiresAndRunsSucceed() {
        assertThat(DispatchProgress.stall(IDLE, TRIGGER_ON_TIME, waiting(true), STALL_AFTER))
                .isEmpty();
        assertThat(waitingQueries).hasValue(0);
    }

    @Test
    void shouldReportARunThatMovesNothingForLongerThanTheLimit() {
        DispatchProgress.Runs stuck = new DispatchProgress.Runs(Optional.of(Duration.ofSeconds(61)), Optional.empty());

        assertThat(DispatchProgress.stall(stuck, TRIGGER_ON_TIME, waiting(false), STALL_AFTER))
                .hasValue("a dispatch run on this node has claimed and sent nothing for 61 s");
    }

    @Test
    void shouldTolerateARunWaitingUpToTheLimit() {
        DispatchProgress.Runs slow = new DispatchProgress.Runs(Optional.of(Duration.ofSeconds(60)), Optional.empty());

        assertThat(DispatchProgress.stall(slow, TRIGGER_ON_TIME, waiting(true), STALL_AFTER))
                .isEmpty();
    }

    @Test
    void shouldReportATriggerThatFiresNowhereWhileTextsWait() {
        assertThat(DispatchProgress.stall(IDLE, Optional.of(Duration.ofSeconds(90)), waiting(true), STALL_AFTER))
                .hasValue(
                        "texts have waited over 60 s and the dispatch trigger has fired nowhere in the cluster for 90 s");
    }

    @Test
    void shouldNotReportAnOverdueTriggerWhileNoTextWaits() {
        assertThat(DispatchProgress.stall(IDLE, Optional.of(Duration.ofMinutes(30)), waiting(false), STALL_AFTER))
                .isEmpty();
        assertThat(waitingQueries).hasValue(1);
    }

    @Test
    void shouldTolerateATriggerLateByLessThanTheLimitAsWhenANodeDiedHoldingIt() {
        assertThat(DispatchProgress.stall(IDLE, Optional.of(Duration.ofSeconds(9)), waiting(true), STALL_AFTER))
                .isEmpty();
    }

    @Test
    void shouldReportATriggerThatIsNotScheduledWhileTextsWait() {
        assertThat(DispatchProgress.stall(IDLE, Optional.empty(), waiting(true), STALL_AFTER))
                .hasValue("texts have waited over 60 s and the dispatch trigger is not scheduled");
    }

    @Test
    void shouldReportRunsThatKeepFailingWhileTextsWait() {
        DispatchProgress.Runs failing =
                new DispatchProgress.Runs(Optional.empty(), Optional.of(Duration.ofSeconds(75)));

        assertThat(DispatchProgress.stall(failing, TRIGGER_ON_TIME, waiting(true), STALL_AFTER))
                .hasValue("texts have waited over 60 s and every dispatch run on this node has failed for 75 s");
        assertThat(DispatchProgress.stall(failing, TRIGGER_ON_TIME, waiting(false), STALL_AFTER))
                .isEmpty();
    }

    @Test
    void shouldTolerateAFailureStreakShorterThanTheLimit() {
        DispatchProgress.Runs failing = new DispatchProgress.Runs(Optional.empty(), Optional.of(Duration.ofSeconds(5)));

        assertThat(DispatchProgress.stall(failing, TRIGGER_ON_TIME, waiting(true), STALL_AFTER))
                .isEmpty();
        assertThat(waitingQueries).hasValue(0);
    }

    private BooleanSupplier waiting(boolean answer) {
        return () -> {
            waitingQueries.incrementAndGet();
            return answer;
        };
    }
}
