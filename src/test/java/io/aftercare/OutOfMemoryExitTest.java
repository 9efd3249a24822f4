package io.aftercare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An OutOfMemoryError that kills a thread halts the JVM; anything else goes where it went before. */
class OutOfMemoryExitTest {

    private final List<Integer> halts = new ArrayList<>();
    private final List<Throwable> passedOn = new ArrayList<>();
    private final OutOfMemoryExit handler = new OutOfMemoryExit((thread, error) -> passedOn.add(error), halts::add);

    @Test
    void shouldHaltWithTheJvmFlagsExitCodeWhenAThreadDiesOfOutOfMemory() {
        handler.uncaughtException(
                new Thread("QuarkusQuartzScheduler_QuartzSchedulerThread"), new OutOfMemoryError("Java heap space"));

        assertThat(halts).containsExactly(3);
        assertThat(passedOn).isEmpty();
    }

    @Test
    void shouldHaltOnADeathByAnyKindOfOutOfMemory() {
        handler.uncaughtException(new Thread("sms-sender-7"), new OutOfMemoryError("unable to create native thread"));

        assertThat(halts).containsExactly(3);
    }

    @Test
    void shouldPassOtherErrorsToTheHandlerThatWasThereBefore() {
        StackOverflowError overflow = new StackOverflowError();
        IllegalStateException failure = new IllegalStateException("boom");

        handler.uncaughtException(new Thread("worker"), overflow);
        handler.uncaughtException(new Thread("worker"), failure);

        assertThat(halts).isEmpty();
        assertThat(passedOn).containsExactly(overflow, failure);
    }

    @Test
    void shouldBeTheDefaultHandlerOnceInstalled() {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        try {
            OutOfMemoryExit.install();

            assertThat(Thread.getDefaultUncaughtExceptionHandler()).isInstanceOf(OutOfMemoryExit.class);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
