package io.aftercare.cluster;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The PostgreSQL servers running on data directories under a test's directory: none may outlive its test. */
final class PostgresProcesses {

    private PostgresProcesses() {}

    /** Each as its pid and command line; the arguments come from {@code /proc/<pid>/cmdline} on Linux. */
    static List<String> under(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .command()
                        .map(command ->
                                Path.of(command).getFileName().toString().equals("postgres"))
                        .orElse(false))
                .filter(process -> process.info()
                        .arguments()
                        .map(arguments -> Arrays.stream(arguments).anyMatch(argument -> isUnder(argument, root)))
                        .orElse(false))
                .map(process ->
                        process.pid() + " " + process.info().commandLine().orElse("?"))
                .toList();
    }

    /** A relative data directory (the tests' shared PostgreSQL) was given from this JVM's working directory. */
    private static boolean isUnder(String argument, Path root) {
        try {
            return Path.of(argument).toAbsolutePath().normalize().startsWith(root);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
