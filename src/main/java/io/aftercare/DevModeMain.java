package io.aftercare;

import io.aftercare.db.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point of {@code ./mvnw quarkus:dev} (chosen by {@code %dev.quarkus.package.main-class}): the embedded
 * PostgreSQL under {@code ./data} unless a database is configured, as {@link AftercareMain} does, then the service.
 *
 * <p>Dev mode runs this main again at every live reload, in the same JVM. The first run starts the database and sets
 * the datasource URL as a system property, so later runs find it configured and start nothing: one PostgreSQL for the
 * whole session, stopped with the JVM by the library's shutdown hook. {@link AftercareMain} would not do here: it stops
 * the database when {@code Quarkus.run} returns, which in dev mode is every reload, and it takes SIGINT and SIGTERM,
 * which dev mode needs to stop at all. The price: when dev mode ends, the JVM stops the service and the database at
 * once, and the scheduler may log connection errors as it goes down; a text cut short is recovered at the next start,
 * as after a crash.
 */
@QuarkusMain(name = "dev")
public class DevModeMain {

    public static void main(String... args) {
        EmbeddedDatabase.startUnlessConfigured();
        Quarkus.run(args);
    }
}
