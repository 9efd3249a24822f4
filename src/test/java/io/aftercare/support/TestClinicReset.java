package io.aftercare.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.oneOf;

import io.aftercare.clinic.ApiKeyAuthentication;
import io.aftercare.clinic.CachedClinics;
import io.aftercare.staff.SignInAddressLimit;
import io.aftercare.template.CachedOverrides;
import io.quarkus.arc.Arc;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts the test clinic, the Twilio double and the clock back as {@link AftercareTest} promises them, after each test.
 * Registered after Quarkus' own extension (see {@link AftercareTest}), it runs in the application's class loader while
 * the application and RestAssured's port are still set up for the test.
 */
public class TestClinicReset implements BeforeEachCallback, AfterEachCallback {

    // Before each test too: a plain @QuarkusTest run just before may have left what it read in memory, and a test that
    // writes clinics or wordings with SQL must find its rows read afresh, not as they were up to a TTL ago.
    @Override
    public void beforeEach(ExtensionContext context) {
        forgetCachedLookUps();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // Twilio first: resumed while it still refused, the clinic would be paused again by the next send.
        TwilioDoubleResource.running().acceptEverything();
        resumeSending();
        Arc.container().instance(TestClock.class).get().reset();
        // Every test signs in from 127.0.0.1: one test's wrong passwords must not refuse the next one's sign-ins.
        Arc.container().instance(SignInAddressLimit.class).get().forgetAll();
        Sessions.defaultSettings();
        usePlanWording();
        forgetCachedLookUps();
    }

    private static void forgetCachedLookUps() {
        Arc.container().instance(ApiKeyAuthentication.class).get().forgetAll();
        Arc.container().instance(CachedClinics.class).get().forgetAll();
        Arc.container().instance(CachedOverrides.class).get().forgetAll();
    }

    private static void resumeSending() {
        String clinicId = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .delete("/admin/v1/clinics/" + clinicId + "/sending-pause")
                .then()
                .statusCode(oneOf(204, 404));
    }

    private static void usePlanWording() {
        JsonPath templates = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic/templates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> own = templates.getList("findAll { it.overridden }.collect { it.step + '/' + it.language }");
        for (String stepAndLanguage : own) {
            given().auth()
                    .oauth2(Sessions.CLINIC_KEY)
                    .delete("/v1/clinic/templates/" + stepAndLanguage)
                    .then()
                    .statusCode(200);
        }
    }
}
