package io.aftercare.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@AftercareTest
class StaffInvitationApiTest {

    @Test
    void shouldNameTheFieldOfABadInvitation() {
        invite(
                        Sessions.CLINIC_KEY,
                        "/v1/clinic/staff",
                        Map.of("email", "not-an-address", "displayName", "X", "role", "STAFF"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("email"));
        invite(
                        Sessions.CLINIC_KEY,
                        "/v1/clinic/staff",
                        Map.of("email", fresh(), "displayName", "X", "role", "OPERATOR"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("role"));
    }

    @Test
    void shouldRefuseASecondAccountForTheSameAddressWhateverItsCase() {
        String email = fresh();
        invite(Sessions.CLINIC_KEY, "/v1/clinic/staff", Map.of("email", email, "displayName", "One", "role", "STAFF"))
                .then()
                .statusCode(201);
        invite(
                        Sessions.CLINIC_KEY,
                        "/v1/clinic/staff",
                        Map.of("email", email.toUpperCase(), "displayName", "Two", "role", "STAFF"))
                .then()
                .statusCode(409);
    }

    @Test
    void shouldLetOnlyTheOperatorInviteOperatorUsers() {
        invite(Sessions.ADMIN_KEY, "/admin/v1/staff", Map.of("email", fresh(), "displayName", "Olga Operator"))
                .then()
                .statusCode(201)
                .body("role", equalTo("OPERATOR"))
                .body("invitationUrl", matchesPattern(".*/app/invitation/[A-Za-z0-9_-]{43}"));
        invite(Sessions.CLINIC_KEY, "/admin/v1/staff", Map.of("email", fresh(), "displayName", "Mallory"))
                .then()
                .statusCode(403);
        given().contentType("application/json")
                .body(Map.of("email", fresh(), "displayName", "Nobody", "role", "STAFF"))
                .post("/v1/clinic/staff")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", endsWith("Bearer"));
    }

    private static io.restassured.response.Response invite(String key, String path, Map<String, String> body) {
        return given().auth()
                .oauth2(key)
                .contentType("application/json")
                .body(body)
                .post(path);
    }

    private static String fresh() {
        return "api-" + UUID.randomUUID() + "@example.com";
    }
}
