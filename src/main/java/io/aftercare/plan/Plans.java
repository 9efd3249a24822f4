package io.aftercare.plan;

import io.aftercare.config.AftercareConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The aftercare plan in force: the built-in one, or the file named by {@code aftercare.plan.location}. */
// Loaded at start-up so that a broken plan file stops the service at once, not at the first session post.
@Startup
@ApplicationScoped
public class Plans {

    static final String BUILT_IN = "plans/smp-aftercare.json";

    private final AftercarePlan current;

    Plans(AftercareConfig config) {
        this.current = config.plan().location().map(Plans::fromFile).orElseGet(Plans::builtIn);
        Log.infof(
                "Aftercare plan %s loaded with %d steps in %s",
                current.version(), current.steps().size(), current.languages());
    }

    public AftercarePlan current() {
        return current;
    }

    /**
     * Reads a plan from its JSON, e.g. one a clinic posts to be linted. Nothing of it is trusted: its texts are still
     * to be rendered by a sandbox, never by the plan's own engine.
     *
     * @param origin where the JSON comes from, for the message of a fault
     * @throws InvalidPlan naming the field at fault by its JSON path
     */
    public static AftercarePlan parse(InputStream json, String origin) {
        return PlanFile.read(json, origin);
    }

    static AftercarePlan builtIn() {
        try (InputStream json = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUILT_IN)) {
            if (json == null) {
                throw new IllegalStateException("The built-in plan " + BUILT_IN + " is missing from the classpath");
            }
            return PlanFile.read(json, BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AftercarePlan fromFile(String location) {
        try (InputStream json = Files.newInputStream(Path.of(location))) {
            return PlanFile.read(json, location);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the aftercare plan at " + location + ": " + e.getMessage(), e);
        }
    }
}
