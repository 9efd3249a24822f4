package io.aftercare.webhook;

import io.aftercare.dispatch.FastPlanProfile;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * Texts that fall due seconds apart (as {@link FastPlanProfile}), and webhooks retried after 200 ms, doubling up to
 * 500 ms, given up after 3 s, with a receiver's answer awaited 1 s: the whole life of a delivery fits in a test.
 *
 * <p>It also carries the production setting of the staff session cookie (Secure), renewed on every request, for
 * {@code staff.SecureSessionCookieTest}: no test of this profile opens a dashboard page, and sharing the application
 * saves the suite a Quarkus build and start (about 18 s).
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
        config.put("aftercare.staff.secure-cookie", "true");
        // Renewed on every later request, so that SecureSessionCookieTest sees form authentication's own renewal.
        config.put("quarkus.http.auth.form.new-cookie-interval", "PT0S");
        return config;
    }
}
