package io.aftercare.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent by each process of a run (the service, its PostgreSQL, this benchmark with its Twilio double), read
 * from {@code /proc}: on a shared 2-core machine, where the cores go says what limits the throughput.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100;

    private final long servicePid;
    private final String databaseDirectory;

    CpuMeter(long servicePid, Path databaseDirectory) {
        this.servicePid = servicePid;
        this.databaseDirectory = databaseDirectory.toAbsolutePath().toString();
    }

    /** CPU seconds used so far by each part. */
    Map<String, Double> sample() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("service", ticks(servicePid) / TICKS_PER_SECOND);
        seconds.put("postgresql", postgresTicks() / TICKS_PER_SECOND);
        seconds.put("benchmark and Twilio double", ticks(ProcessHandle.current().pid()) / TICKS_PER_SECOND);
        seconds.put("whole machine", machineTicks() / TICKS_PER_SECOND);
        return seconds;
    }

    static Map<String, Double> since(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((part, seconds) -> used.put(part, seconds - before.getOrDefault(part, 0.0)));
        return used;
    }

    private long postgresTicks() {
        long postmaster = processes()
                .filter(pid -> cmdline(pid).contains(databaseDirectory))
                .findFirst()
                .orElse(-1L);
        return processes()
                .filter(pid -> pid == postmaster || parent(pid) == postmaster)
                .mapToLong(CpuMeter::ticks)
                .sum();
    }

    private static Stream<Long> processes() {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries
                    .map(path -> path.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .toList()
                    .stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"))).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    /** Fields after the command name, which is in parentheses and may hold spaces. */
    private static List<String> stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException gone) {
            return List.of();
        }
    }

    private static long parent(long pid) {
        List<String> fields = stat(pid);
        return fields.size() > 1 ? Long.parseLong(fields.get(1)) : -2;
    }

    /** utime + stime: the 14th and 15th fields of /proc/pid/stat. */
    private static long ticks(long pid) {
        List<String> fields = stat(pid);
        return fields.size() > 12 ? Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12)) : 0;
    }

    private static long machineTicks() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // user nice system (idle iowait excluded) irq softirq steal
            return Long.parseLong(cpu[1])
                    + Long.parseLong(cpu[2])
                    + Long.parseLong(cpu[3])
                    + Long.parseLong(cpu[6])
                    + Long.parseLong(cpu[7])
                    + Long.parseLong(cpu[8]);
        } catch (IOException e) {
            return 0;
        }
    }
}
