package io.aftercare.page;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Clients get pages: a public base URL is set. Every test of the client page runs in this one profile, so Quarkus
 * starts once for all of them.
 * <p>
 * The plan is the built-in one with short texts that carry {@code {pageLink}}, as the tests read each page's link from
 * its session's texts, the way a client gets it. Once the built-in plan has its own short texts, this file can go and
 * the built-in plan be used.
 */
public class PageProfile implements QuarkusTestProfile {

    /** The pages' host; the tests open the same path on the test app. */
    static final String BASE_URL = "https://aftercare.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "aftercare.public-base-url",
                BASE_URL,
                "aftercare.plan.location",
                "src/test/resources/plans/page-plan.json");
    }
}
