package io.aftercare.webhook;

import io.aftercare.dispatch.FastPlanProfile;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * Texts that fall due seconds apart (as {@link FastPlanProfile}), and webhooks retried after 200 ms, doubling up to
 * 500 ms, given up after 3 s, with a receiver's answer awaited 1 s: the whole life of a delivery fits in a test.
 */
public class WebhookProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(new FastPlanProfile().getConfigOverrides());
        config.put("aftercare.webhooks.interval", "0.2s");
        config.put("aftercare.webhooks.retry-delay", "0.2s");
        config.put("aftercare.webhooks.max-retry-delay", "0.5s");
        config.put("aftercare.webhooks.give-up-after", "3s");
        config.put("aftercare.webhooks.connect-timeout", "0.5s");
        config.put("aftercare.webhooks.response-timeout", "1s");
        config.put("aftercare.webhooks.claim-lease", "3s");
        return config;
    }
}
