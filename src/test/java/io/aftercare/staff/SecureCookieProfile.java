package io.aftercare.staff;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The production setting for the session cookie (Secure), with every request renewing it. */
public class SecureCookieProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "aftercare.staff.secure-cookie", "true",
                // Renewed on every later request, so the test sees form authentication's own renewal.
                "quarkus.http.auth.form.new-cookie-interval", "PT0S");
    }
}
