package io.aftercare.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.db.PostmasterPid.Holder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which process holds a data directory's postmaster.pid: stop only a server of that very directory. */
class PostmasterPidTest {

    private static final Path DATA = Path.of("/srv/aftercare/data/postgresql");
    private static final Optional<String> POSTGRES = Optional.of("/tmp/embedded-pg/PG-3c1f/bin/postgres");
    private static final PostmasterPid PID = new PostmasterPid(4242, DATA, Optional.of(39017));

    @Test
    void shouldReadPidDirectoryAndPortAsPostgresqlWritesThem() {
        List<String> file = List.of(
                "4242",
                "/srv/aftercare/data/postgresql",
                "1764601234",
                "39017",
                "/tmp",
                "localhost",
                "  5432001    327680",
                "ready   ");

        assertThat(PostmasterPid.parse(file)).hasValue(PID);
    }

    @Test
    void shouldNotGuessFromAFileHalfWritten() {
        assertThat(PostmasterPid.parse(List.of())).isEmpty();
        assertThat(PostmasterPid.parse(List.of("4242"))).isEmpty();
        assertThat(PostmasterPid.parse(List.of("", "/srv/aftercare/data/postgresql")))
                .isEmpty();
        assertThat(PostmasterPid.parse(List.of("-1", "/srv/aftercare/data/postgresql")))
                .isEmpty();
        assertThat(PostmasterPid.parse(List.of("42x", "/srv/aftercare/data/postgresql")))
                .isEmpty();
        assertThat(PostmasterPid.parse(List.of("4242", "/srv/aftercare/data/postgresql")))
                .hasValue(new PostmasterPid(4242, DATA, Optional.empty()));
    }

    @Test
    void shouldStopAPostgresOfThisDirectory() {
        assertThat(PID.holder(DATA, true, POSTGRES, Optional.of(List.of("-D", DATA.toString(), "-p", "39017", "-F"))))
                .isEqualTo(Holder.SERVER_OF_THIS_DIRECTORY);
        assertThat(PID.holder(
                        DATA,
                        true,
                        POSTGRES,
                        Optional.of(List.of("-D", "/srv/aftercare/data/../data/postgresql/", "-p", "39017"))))
                .isEqualTo(Holder.SERVER_OF_THIS_DIRECTORY);
    }

    @Test
    void shouldCallTheFileStaleWhenItsProcessIsGone() {
        assertThat(PID.holder(DATA, false, Optional.empty(), Optional.empty())).isEqualTo(Holder.NOBODY);
    }

    @Test
    void shouldCallTheFileStaleWhenItsPidNowBelongsToSomethingElse() {
        assertThat(PID.holder(DATA, true, Optional.of("/usr/bin/bash"), Optional.of(List.of("-c", "sleep 1"))))
                .isEqualTo(Holder.NOBODY);
        assertThat(PID.holder(DATA, true, POSTGRES, Optional.of(List.of("-D", "/var/lib/postgresql/16/main"))))
                .as("another cluster's server, which must keep running")
                .isEqualTo(Holder.NOBODY);
    }

    @Test
    void shouldLeaveAloneAProcessItCannotTellApart() {
        assertThat(PID.holder(DATA, true, Optional.empty(), Optional.empty())).isEqualTo(Holder.UNKNOWN);
        assertThat(PID.holder(DATA, true, POSTGRES, Optional.empty())).isEqualTo(Holder.UNKNOWN);
        assertThat(PID.holder(DATA, true, POSTGRES, Optional.of(List.of("-p", "39017"))))
                .as("a server started from PGDATA")
                .isEqualTo(Holder.UNKNOWN);
    }
}
