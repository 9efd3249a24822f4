package io.aftercare.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The figures the reliability tests measured, one line each, in {@code target/cluster-it/report.txt} and the log. */
public final class ReliabilityReport {

    private static final Path REPORT = Path.of("target", "cluster-it", "report.txt");

    private ReliabilityReport() {}

    public static void record(String test, String figures) {
        String line = "[" + test + "] " + figures;
        System.out.println(line);
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(
                    REPORT, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
