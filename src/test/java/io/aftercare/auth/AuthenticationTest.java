package io.aftercare.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import io.aftercare.config.AftercareConfig;
import io.aftercare.support.CapturedLog;
import io.aftercare.support.Sessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may call what: keys through Quarkus Security, and an address that keeps failing is held off. */
@QuarkusTest
class AuthenticationTest {

    /** Health and the other operations endpoints: the management interface, which never reads a key. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    FailedAuthentications failures;

    @Inject
    AftercareConfig config;

    private CapturedLog log;

    @BeforeEach
    void startCounting() {
        // Every request of the test suite comes from 127.0.0.1: start from, and leave, a clean count.
        failures.forgetAll();
        log = CapturedLog.start();
    }

    @AfterEach
    void stopCounting() {
        log.close();
        failures.forgetAll();
    }

    @Test
    void shouldAnswer429WithRetryAfterOnceAnAddressFailedTooOften() {
        int maxFailures = config.auth().maxFailures();
        for (int i = 0; i < maxFailures; i++) {
            given().auth()
                    .oauth2(wrongKey())
                    .get("/v1/clinic")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"));
        }

        long retryAfter = Long.parseLong(given().auth()
                .oauth2(wrongKey())
                .get("/v1/clinic")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .extract()
                .header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, config.auth().failureWindow().toSeconds());
        // Not even the right key gets through the rest of the window: a guess that hits would otherwise show.
        given().auth().oauth2(Sessions.CLINIC_KEY).get("/v1/clinic").then().statusCode(429);
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .get("/admin/v1/clinics")
                .then()
                .statusCode(429);
    }

    @Test
    void shouldWarnOncePerWindowAndNeverLogTheKeys() {
        List<String> triedKeys = new ArrayList<>();
        for (int i = 0; i < 2 * config.auth().maxFailures(); i++) {
            String key = wrongKey();
            triedKeys.add(key);
            given().auth()
                    .oauth2(key)
                    .get("/v1/sessions/" + UUID.randomUUID())
                    .then()
                    .statusCode(oneOf(401, 429));
        }

        assertThat(log.text().lines().filter(line -> line.startsWith(FailedAuthentications.class.getName() + " WARN")))
                .singleElement()
                .asString()
                .contains("127.0.0.1");
        for (String key : triedKeys) {
            assertThat(log.text()).doesNotContain(key.substring(0, 10));
        }
    }

    @Test
    void shouldAnswer401WithoutAKeyAnd403ToAKeyOfTheWrongRole() {
        given().get("/v1/clinic")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/admin/v1/clinics")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .get("/v1/clinic")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void shouldCloseAnEndpointThatNamesNoRole() {
        given().get(UnannotatedResource.PATH).then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get(UnannotatedResource.PATH)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .get(UnannotatedResource.PATH)
                .then()
                .statusCode(403);
    }

    @Test
    void shouldLeaveTwilioWebhooksAndOperationsEndpointsToTheirOwnChecks() {
        // Twilio's webhooks carry a signature, not a key: a request without either is refused by the signature check.
        given().contentType("application/x-www-form-urlencoded")
                .formParam("MessageSid", "SM0")
                .post("/v1/twilio/status")
                .then()
                .statusCode(403);
        given().port(management.getPort()).get("/q/health/live").then().statusCode(200);
        given().port(management.getPort())
                .auth()
                .oauth2(wrongKey())
                .get("/q/health/live")
                .then()
                .statusCode(200);
    }

    private static String wrongKey() {
        return "zz" + UUID.randomUUID().toString().replace("-", "")
                + UUID.randomUUID().toString().replace("-", "");
    }
}
