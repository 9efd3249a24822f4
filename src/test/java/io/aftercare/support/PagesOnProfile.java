package io.aftercare.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Clients get aftercare pages, so texts are the plan's short forms with a link. The base URL is 20 characters, as
 * long as the link the plan's short texts are checked with ({@code ShortTextsFitTest}); tests open a page at the test
 * app's own address with the token from a text. Every test with pages on uses this one profile: each profile restarts
 * the application.
 */
public class PagesOnProfile implements QuarkusTestProfile {

    public static final String BASE_URL = "https://care.example";

    /** The link previews and the linter write: as long as a real one (45 characters), opening no page. */
    public static final String SAMPLE_LINK = BASE_URL + "/a/" + "x".repeat(22);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("aftercare.public-base-url", BASE_URL);
    }
}
