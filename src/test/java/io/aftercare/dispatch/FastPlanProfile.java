package io.aftercare.dispatch;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A plan whose steps fall due seconds apart, and a dispatcher that looks every 200 ms, so texts go out in a test. */
public class FastPlanProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "aftercare.plan.location", "src/test/resources/plans/fast-plan.json",
                "aftercare.dispatch.interval", "0.2s",
                "aftercare.dispatch.claim-lease", "5s",
                // A claim must outlast the longest request to the provider.
                "aftercare.twilio.connect-timeout", "1s",
                "aftercare.twilio.response-timeout", "2s");
    }
}
