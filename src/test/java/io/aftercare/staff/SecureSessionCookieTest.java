package io.aftercare.staff;

import static io.aftercare.support.StaffForms.SESSION;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.StaffForms;
import io.aftercare.webhook.WebhookProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@AftercareTest
// The webhook tests' application, which also has the production cookie setting: one Quarkus start fewer.
@TestProfile(WebhookProfile.class)
class SecureSessionCookieTest {

    @Test
    void shouldMarkTheSessionCookieSecureWhenSignedInAndWhenRenewed() {
        String email = StaffForms.newUser("Secure Test");
        var signedIn = StaffForms.signIn(email, StaffForms.PASSWORD);
        assertThat(sessionCookies(signedIn.headers().getValues("Set-Cookie")))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));

        // Form authentication renews the cookie once the renewal interval (zero here) has passed.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            var page = given().cookie(SESSION, signedIn.cookie(SESSION))
                    .redirects()
                    .follow(false)
                    .get("/app/today")
                    .then()
                    .statusCode(200)
                    .extract();
            assertThat(sessionCookies(page.headers().getValues("Set-Cookie")))
                    .singleElement()
                    .satisfies(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
        });
    }

    private static List<String> sessionCookies(List<String> setCookies) {
        return setCookies.stream()
                .filter(cookie -> cookie.startsWith(SESSION + "="))
                .toList();
    }
}
