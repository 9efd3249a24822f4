package io.aftercare.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL a service left running when it died without stopping it ({@code kill -9}, a halt on
 * {@code OutOfMemoryError}): {@code pg_ctl} detaches the server from the JVM that started it, so it outlives it and
 * keeps its data directory's {@code postmaster.pid}, and the next start fails with "lock file postmaster.pid already
 * exists". Found through that file and stopped, the next start comes up on its first attempt.
 */
public final class LeftoverPostgres {

    private static final Logger LOG = Logger.getLogger(LeftoverPostgres.class);
    /** The lock zonky's EmbeddedPostgres holds on its data directory for as long as its JVM runs. */
    private static final String EMBEDDED_LOCK = "epg-lock";

    private LeftoverPostgres() {}

    /**
     * Stops the PostgreSQL that runs on {@code dataDirectory} for a service that is gone, and removes a
     * {@code postmaster.pid} that no server of the directory holds any more.
     *
     * @throws IllegalStateException when a live service still uses the directory, or the server does not stop in time
     */
    public static void stop(Path dataDirectory, Duration timeout) {
        Path pidFile = dataDirectory.resolve(PostmasterPid.FILE_NAME);
        if (!Files.exists(pidFile)) {
            return;
        }
        // A service that is alive holds zonky's lock on its data directory (file locks die with their process; the
        // server holds none): its database must not be stopped from under it.
        try (FileChannel channel = FileChannel.open(
                        dataDirectory.resolve(EMBEDDED_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another running service uses the embedded PostgreSQL in "
                        + dataDirectory + "; give each process a data directory of its own (AFTERCARE_DATA_DIR)");
            }
            Optional<PostmasterPid> postmaster = PostmasterPid.parse(readLines(pidFile));
            if (postmaster.isEmpty()) {
                // Half written by a server that was starting when it died, or garbled: PostgreSQL judges it itself.
                return;
            }
            PostmasterPid pid = postmaster.get();
            Optional<ProcessHandle> process = ProcessHandle.of(pid.pid());
            ProcessHandle.Info info = process.map(ProcessHandle::info).orElse(null);
            PostmasterPid.Holder holder = pid.holder(
                    dataDirectory,
                    process.map(ProcessHandle::isAlive).orElse(false),
                    info == null ? Optional.empty() : info.command(),
                    info == null ? Optional.empty() : info.arguments().map(Arrays::asList));
            switch (holder) {
                case SERVER_OF_THIS_DIRECTORY -> stopServer(process.get(), pid, dataDirectory, timeout);
                case NOBODY -> removeStale(pidFile, pid);
                case UNKNOWN ->
                    LOG.warnf(
                            "%s names process %d, which may be a PostgreSQL of %s that this user cannot"
                                    + " inspect: left alone",
                            pidFile, pid.pid(), dataDirectory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not look for a PostgreSQL left running in " + dataDirectory, e);
        }
    }

    private static void stopServer(ProcessHandle server, PostmasterPid pid, Path dataDirectory, Duration timeout) {
        LOG.warnf(
                "A PostgreSQL (process %d, port %s) was left running on %s by a service that died without stopping"
                        + " it; stopping it first",
                pid.pid(), pid.port().map(String::valueOf).orElse("?"), dataDirectory);
        // SIGINT is PostgreSQL's fast shutdown: open transactions roll back, a checkpoint is written, no recovery at
        // the next start. The JDK sends only SIGTERM (a smart shutdown, which waits for clients): the fallback.
        if (!signal("INT", pid.pid())) {
            server.destroy();
        }
        try {
            server.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "The PostgreSQL left running on " + dataDirectory + " (process " + pid.pid()
                            + ") did not stop within " + timeout.toSeconds()
                            + " s; stop it, then start the service again",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "Interrupted while stopping the PostgreSQL left running on " + dataDirectory, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        LOG.infof("Stopped the PostgreSQL left running on %s", dataDirectory);
    }

    /** The shell's own kill: the images have no procps, so no kill program, but every shell has the builtin. */
    private static boolean signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + pid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void removeStale(Path pidFile, PostmasterPid pid) throws IOException {
        // Process gone (or its pid now someone else's): PostgreSQL would trip over a reused pid, so the file goes.
        if (Files.deleteIfExists(pidFile)) {
            LOG.infof(
                    "Removed %s: process %d that wrote it is no PostgreSQL of this directory any more",
                    pidFile, pid.pid());
        }
    }

    private static List<String> readLines(Path file) throws IOException {
        try {
            return Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return List.of(); // the server stopped meanwhile
        }
    }
}
