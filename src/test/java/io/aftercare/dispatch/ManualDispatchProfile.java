package io.aftercare.dispatch;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The Quartz trigger stays out of the way and nodes do not wake themselves: texts go out only when a test drains the
 * queue itself. Tests that need other
 * batch sizes, concurrency or a rate limit set them at run time ({@code Dispatcher#pace}) and share this application.
 */
public class ManualDispatchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("aftercare.dispatch.interval", "1h", "aftercare.dispatch.wake-up", "false");
    }
}
