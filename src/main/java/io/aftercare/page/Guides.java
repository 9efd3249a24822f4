package io.aftercare.page;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The built-in aftercare guide, read and checked once at start-up, so a broken guide stops the service there. */
@Startup
@Singleton
class Guides {

    private final AftercareGuide guide;

    Guides() {
        try (InputStream json =
                Thread.currentThread().getContextClassLoader().getResourceAsStream(AftercareGuide.RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException("The aftercare guide " + AftercareGuide.RESOURCE + " is missing");
            }
            this.guide = AftercareGuide.read(json);
        } catch (IOException e) {
            throw new UncheckedIOException("The aftercare guide " + AftercareGuide.RESOURCE + " does not read", e);
        }
    }

    AftercareGuide current() {
        return guide;
    }
}
