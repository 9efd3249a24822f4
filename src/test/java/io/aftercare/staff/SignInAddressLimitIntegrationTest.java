package io.aftercare.staff;

import static io.aftercare.support.StaffForms.CSRF;
import static io.aftercare.support.StaffForms.CSRF_FIELD;
import static io.aftercare.support.StaffForms.PASSWORD;
import static io.aftercare.support.StaffForms.SESSION;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.aftercare.config.AftercareConfig;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.CapturedLog;
import io.aftercare.support.StaffForms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One address trying passwords on many accounts is stopped before any more are checked, and told why. */
@AftercareTest
class SignInAddressLimitIntegrationTest {

    @Inject
    AftercareConfig config;

    @Inject
    SignInAddressLimit limit;

    @Test
    void shouldRefuseAnAddressAfterTooManyFailedSignInsWithAMessageOnTheSignInPage() {
        String email = StaffForms.newUser("Sprayed Account");
        int max = config.staff().maxFailedSignInsPerAddress();
        try (CapturedLog log = CapturedLog.start()) {
            // A common password tried on many addresses: no one account reaches its own lockout.
            for (int attempt = 1; attempt <= max; attempt++) {
                StaffForms.signIn("sprayed-" + attempt + "-" + UUID.randomUUID() + "@example.com", "Summer2026!!");
            }

            StaffForms.Csrf csrf = StaffForms.csrfFrom("/app/sign-in");
            var refused = given().cookie(CSRF, csrf.cookie())
                    .formParam(CSRF_FIELD, csrf.field())
                    .formParam("email", email)
                    .formParam("password", PASSWORD)
                    .redirects()
                    .follow(false)
                    .post("/app/sign-in")
                    .then()
                    .statusCode(429)
                    .contentType(containsString("text/html"))
                    .body(containsString("Too many failed sign-ins from your network: try again in 15 minutes."))
                    .body(containsString("name=\"csrf-token\""))
                    .extract();
            assertThat(refused.cookie(SESSION)).isNull();
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L);

            String text = log.text();
            assertThat(text).containsPattern(max + " failed sign-ins from (127\\.0\\.0\\.x|0:0:0:…) within 15 minutes");
            assertThat(text)
                    .doesNotContain("127.0.0.1")
                    .doesNotContain("0:0:0:0:0:0:0:1")
                    .doesNotContain("Summer2026!!")
                    .doesNotContain(PASSWORD)
                    .doesNotContain(email);
        }
        // The refused attempt checked no password: the account counted no failure.
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> StaffUser.findByEmail(email).orElseThrow().failedLogins))
                .isZero();
        limit.forgetAll();
        assertThat(StaffForms.signIn(email, PASSWORD).cookie(SESSION)).isNotBlank();
    }
}
