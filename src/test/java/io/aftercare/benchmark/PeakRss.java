package io.aftercare.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The highest resident set size of a process, sampled from {@code /proc} ten times a second. */
final class PeakRss implements AutoCloseable {

    private final long pid;
    private final AtomicLong peakKb = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    PeakRss(long pid) {
        this.pid = pid;
        sampler.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    long mib() {
        sample();
        return peakKb.get() / 1024;
    }

    void reset() {
        peakKb.set(0);
    }

    private void sample() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    peakKb.accumulateAndGet(Long.parseLong(line.replaceAll("[^0-9]", "")), Math::max);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process has exited
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
