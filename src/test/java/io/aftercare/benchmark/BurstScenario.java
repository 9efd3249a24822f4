package io.aftercare.benchmark;

import io.aftercare.cluster.ClusterDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Texts all due at the same instant, as at 09:00 in one time zone: how long the service takes to send them all. */
final class BurstScenario {

    /**
     * @param perSecond texts per second from the commit to the last answer
     * @param steadyRate texts per second from the first answer to the last (the sending rate itself)
     * @param peakWindow most texts answered in any one second
     * @param wholeSeconds texts answered in each whole second from the first answer (the last, partial one left out)
     * @param repeated texts that reached a number already texted: duplicates
     * @param lastAnswer when Twilio answered the last text ({@link System#nanoTime()})
     */
    record Outcome(
            int texts,
            Duration drain,
            double perSecond,
            double steadyRate,
            long peakWindow,
            List<Integer> wholeSeconds,
            int repeated,
            long peakRssMib,
            Map<String, Double> cpuSeconds,
            long lastAnswer) {}

    private final ClusterDatabase database;
    private final TextSeeder seeder;
    private final LatencyTwilio twilio;

    BurstScenario(ClusterDatabase database, TextSeeder seeder, LatencyTwilio twilio) {
        this.database = database;
        this.seeder = seeder;
        this.twilio = twilio;
    }

    Outcome run(PeakRss rss, CpuMeter cpu, String tag, int texts, int clinics) throws InterruptedException {
        return run(rss, cpu, tag, texts, seeder.clinics(tag, clinics));
    }

    /** The same burst for clinics that exist already (those of the webhook scenario, onboarded through the API). */
    Outcome run(PeakRss rss, CpuMeter cpu, String tag, int texts, List<UUID> clinicIds) throws InterruptedException {
        twilio.reset();
        rss.reset();
        // One commit makes every text due at once: the burst starts there.
        seeder.texts(tag, clinicIds, texts, "now()");
        long committed = System.nanoTime();
        Map<String, Double> cpuBefore = cpu.sample();
        awaitSent(texts);
        Map<String, Double> cpuSeconds = CpuMeter.since(cpuBefore, cpu.sample());
        List<Long> arrivals = twilio.arrivals();
        long first = arrivals.stream().mapToLong(Long::longValue).min().orElse(committed);
        long last = arrivals.stream().mapToLong(Long::longValue).max().orElse(committed);
        Duration drain = Duration.ofNanos(last - committed);
        System.out.println(tag + ", texts answered in each second: " + perSecond(arrivals, committed));
        double steady = last > first ? (arrivals.size() - 1) / ((last - first) / 1e9) : 0;
        return new Outcome(
                texts,
                drain,
                texts / (drain.toNanos() / 1e9),
                steady,
                peakWindow(arrivals),
                wholeSeconds(arrivals, first, last),
                twilio.repeatedRecipients(),
                rss.mib(),
                cpuSeconds,
                last);
    }

    /** Until the double has answered every text and the service has recorded every outcome. */
    void awaitSent(int texts) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (twilio.accepted() < texts || inFlight() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Only " + twilio.accepted() + " of " + texts + " texts sent in 30 minutes");
            }
            Thread.sleep(50);
        }
    }

    private long inFlight() {
        return database.count("SELECT count(*) FROM reminder WHERE status = 'SENDING'");
    }

    /** How many of {@code arrivals} ({@link System#nanoTime()}) fell in each second from {@code from}. */
    static List<Integer> perSecond(List<Long> arrivals, long from) {
        int[] counts = new int
                [1 + (int) ((arrivals.stream().mapToLong(Long::longValue).max().orElse(from) - from) / 1_000_000_000L)];
        arrivals.forEach(at -> counts[(int) ((at - from) / 1_000_000_000L)]++);
        return java.util.Arrays.stream(counts).boxed().toList();
    }

    static List<Integer> wholeSeconds(List<Long> arrivals, long first, long last) {
        return perSecond(arrivals, first).subList(0, (int) ((last - first) / 1_000_000_000L));
    }

    static long peakWindow(List<Long> arrivals) {
        long[] sorted = arrivals.stream().mapToLong(Long::longValue).sorted().toArray();
        long peak = 0;
        int start = 0;
        for (int end = 0; end < sorted.length; end++) {
            while (sorted[end] - sorted[start] >= 1_000_000_000L) {
                start++;
            }
            peak = Math.max(peak, end - start + 1);
        }
        return peak;
    }
}
