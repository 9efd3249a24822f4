package io.aftercare.db;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a PostgreSQL server writes in its data directory's {@code postmaster.pid} while it runs: its process id on the
 * first line, its data directory on the second, its port on the fourth (PostgreSQL's "Database File Layout").
 */
record PostmasterPid(long pid, Path dataDirectory, Optional<Integer> port) {

    static final String FILE_NAME = "postmaster.pid";

    /** Empty when the file is too short or garbled to say which process owns it (a server still writing it). */
    static Optional<PostmasterPid> parse(List<String> lines) {
        if (lines.size() < 2) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            if (pid <= 0 || lines.get(1).isBlank()) {
                return Optional.empty();
            }
            Optional<Integer> port = lines.size() >= 4 && !lines.get(3).isBlank()
                    ? Optional.of(Integer.parseInt(lines.get(3).trim()))
                    : Optional.empty();
            return Optional.of(new PostmasterPid(pid, Path.of(lines.get(1).trim()), port));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Who holds the file, by what the operating system says of the process with its pid. */
    enum Holder {
        /** A PostgreSQL server of this very data directory: it must be stopped before another can start. */
        SERVER_OF_THIS_DIRECTORY,
        /** No such process, or one that is plainly something else (its pid was reused): the file is stale. */
        NOBODY,
        /** The process cannot be told apart (another user's, an OS that hides its arguments): leave it alone. */
        UNKNOWN
    }

    /**
     * @param alive whether a process with {@link #pid()} runs
     * @param command its executable, when the OS tells
     * @param arguments its arguments after the executable, when the OS tells
     */
    Holder holder(Path ownDirectory, boolean alive, Optional<String> command, Optional<List<String>> arguments) {
        if (!alive) {
            return Holder.NOBODY;
        }
        if (command.isEmpty()) {
            return Holder.UNKNOWN;
        }
        String executable = Path.of(command.get()).getFileName().toString();
        if (!executable.equals("postgres") && !executable.equals("postgres.exe")) {
            return Holder.NOBODY;
        }
        if (arguments.isEmpty() || arguments.get().isEmpty()) {
            return Holder.UNKNOWN;
        }
        List<String> args = arguments.get();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("-D") && sameDirectory(Path.of(args.get(i + 1)), ownDirectory)) {
                return Holder.SERVER_OF_THIS_DIRECTORY;
            }
        }
        // A server of another directory that got the pid, or one started without -D (from PGDATA, which the OS does
        // not show): stopping it would stop someone else's database.
        return args.contains("-D") ? Holder.NOBODY : Holder.UNKNOWN;
    }

    private static boolean sameDirectory(Path a, Path b) {
        return real(a).equals(real(b));
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
