package io.aftercare;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * Halts the JVM when an {@code OutOfMemoryError} kills a thread, so that the orchestrator restarts the service instead
 * of leaving it up with its scheduler or sender threads dead. {@code -XX:+ExitOnOutOfMemoryError} does this better
 * (at the first such error, caught or not) and the containers and test nodes pass it; but {@code quarkus:run}, the
 * documented way to run the packaged service (docs/operations.md), starts the jar with no way to add a JVM flag (its only channel, {@code -DenvVars},
 * replaces the whole environment), and a plain {@code java -jar} may forget it. A thread can only die of the error by
 * it reaching this handler, so every death the issue saw halts here.
 */
final class OutOfMemoryExit implements Thread.UncaughtExceptionHandler {

    /** The exit code {@code -XX:+ExitOnOutOfMemoryError} gives. */
    static final int EXIT_CODE = 3;

    private static final Logger LOG = Logger.getLogger(OutOfMemoryExit.class);

    private final Thread.UncaughtExceptionHandler previous;
    private final IntConsumer halt;

    OutOfMemoryExit(Thread.UncaughtExceptionHandler previous, IntConsumer halt) {
        this.previous = previous;
        this.halt = halt;
    }

    /** Becomes the default handler of uncaught exceptions, and says so when the JVM flag is missing. */
    static void install() {
        Thread.setDefaultUncaughtExceptionHandler(
                new OutOfMemoryExit(Thread.getDefaultUncaughtExceptionHandler(), Runtime.getRuntime()::halt));
        if (!exitsOnOutOfMemoryError()) {
            LOG.warn("Started without -XX:+ExitOnOutOfMemoryError: an OutOfMemoryError that kills a thread halts the"
                    + " service, but one that some code catches does not. Pass the flag to the JVM in production.");
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        if (error instanceof OutOfMemoryError) {
            try {
                System.err.println("OutOfMemoryError killed thread " + thread.getName() + "; halting (exit code "
                        + EXIT_CODE + ") so that the service is restarted");
            } catch (Throwable ignored) {
                // Out of memory even for the message: halt all the same.
            }
            // halt, not exit: shutdown hooks would need the memory there is none of, and could hang.
            halt.accept(EXIT_CODE);
            return;
        }
        if (previous != null) {
            previous.uncaughtException(thread, error);
        } else {
            // What the JVM does when there is no default handler.
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            error.printStackTrace(System.err);
        }
    }

    private static boolean exitsOnOutOfMemoryError() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return Boolean.parseBoolean(
                            hotSpot.getVMOption("ExitOnOutOfMemoryError").getValue())
                    || Boolean.parseBoolean(
                            hotSpot.getVMOption("CrashOnOutOfMemoryError").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot: the warning is then the honest answer
        }
    }
}
