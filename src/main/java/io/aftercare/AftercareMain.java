package io.aftercare;

import io.aftercare.db.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/** Starts the embedded PostgreSQL when no database is configured, then the service; stops them in that order. */
@QuarkusMain
public class AftercareMain {

    private static final CountDownLatch STOPPED = new CountDownLatch(1);

    public static void main(String... args) throws IOException {
        OutOfMemoryExit.install();
        Optional<EmbeddedPostgres> database = EmbeddedDatabase.startUnlessConfigured();
        if (database.isPresent()) {
            // On SIGTERM or Ctrl-C the JVM would run every shutdown hook at once, the database's among them, and the
            // service would lose its database halfway through its graceful stop. Stop the service first, then it.
            Signal.handle(new Signal("TERM"), signal -> stopTheService());
            Signal.handle(new Signal("INT"), signal -> stopTheService());
        }
        try {
            Quarkus.run(args);
        } finally {
            STOPPED.countDown();
            if (database.isPresent()) {
                database.get().close();
            }
        }
    }

    /** Asks until the service is down: a request that comes while it is still starting would otherwise be lost. */
    private static void stopTheService() {
        Thread stopper = new Thread(
                () -> {
                    try {
                        do {
                            Quarkus.asyncExit();
                        } while (!STOPPED.await(500, TimeUnit.MILLISECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "stop-on-signal");
        stopper.setDaemon(true);
        stopper.start();
    }
}
