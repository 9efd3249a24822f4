package io.aftercare.plan.lint;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Clients have pages, so they get the plan's short texts with a link: a public base URL (its pages are never opened
 * here) of 20 characters, so that a sample link has the 45 of a real host's, and a copy of the built-in plan with
 * short texts.
 */
public class PagesOnProfile implements QuarkusTestProfile {

    /** The link a lint renders the short texts with, as long as a client's. */
    public static final String SAMPLE_LINK = "https://care.example/a/" + "x".repeat(22);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "aftercare.public-base-url", "https://care.example",
                "aftercare.plan.location", "src/test/resources/plans/short-texts-plan.json");
    }
}
