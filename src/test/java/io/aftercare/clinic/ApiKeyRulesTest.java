package io.aftercare.clinic;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.aftercare.config.AftercareConfig;
import io.aftercare.support.Sessions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A clinic's keys: labelled, dated, capped, and never all revoked by the clinic itself. */
@QuarkusTest
class ApiKeyRulesTest {

    @Inject
    AftercareConfig config;

    @Test
    void shouldListEachKeysLabelCreationAndLastUse() {
        ExtractableResponse<Response> clinic = newClinic();
        String firstKeyId = clinic.path("apiKey.id");
        String clinicId = clinic.path("clinic.id");
        var issued = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("label", "  Front desk PC  "))
                .post("/admin/v1/clinics/" + clinicId + "/api-keys")
                .then()
                .statusCode(201)
                .body("label", equalTo("Front desk PC"))
                .extract();

        given().auth()
                .oauth2(issued.<String>path("key"))
                .get("/v1/clinic")
                .then()
                .statusCode(200);
        String lastUsed = given().auth()
                .oauth2(issued.<String>path("key"))
                .get("/v1/clinic/api-keys")
                .then()
                .statusCode(200)
                .body("find { it.id == '%s' }.label".formatted(issued.<String>path("id")), equalTo("Front desk PC"))
                .body("find { it.id == '%s' }.createdAt".formatted(issued.<String>path("id")), notNullValue())
                .body("find { it.id == '%s' }.lastUsedAt".formatted(issued.<String>path("id")), notNullValue())
                .body("find { it.id == '%s' }.lastUsedAt".formatted(firstKeyId), nullValue())
                .body("find { it.id == '%s' }.label".formatted(firstKeyId), nullValue())
                .extract()
                .path("find { it.id == '%s' }.lastUsedAt".formatted(issued.<String>path("id")));

        // Used again within the minute: the stored time does not move, so the row was not written again.
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .get("/admin/v1/clinics/" + clinicId + "/api-keys")
                .then()
                .statusCode(200)
                .body("find { it.id == '%s' }.lastUsedAt".formatted(issued.<String>path("id")), equalTo(lastUsed));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Front\u0000desk",
                "Front\ndesk",
                "Front\u0085desk",
                "Front\u2028desk",
                "Front\u202Edesk",
                "a label of sixty-one characters, one more than keys may have!"
            })
    void shouldRefuseALabelWithControlCharactersOrOver60Characters(String label) {
        String key = newClinic().path("apiKey.key");
        given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(Map.of("label", label))
                .post("/v1/clinic/api-keys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("label"));
        given().auth()
                .oauth2(key)
                .get("/v1/clinic/api-keys")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));
    }

    @Test
    void shouldAcceptALabelOfExactly60Characters() {
        String label = "x".repeat(60);
        given().auth()
                .oauth2(newClinic().<String>path("apiKey.key"))
                .contentType(ContentType.JSON)
                .body(Map.of("label", label))
                .post("/v1/clinic/api-keys")
                .then()
                .statusCode(201)
                .body("label", equalTo(label));
    }

    @Test
    void shouldNotLetAClinicRevokeItsLastActiveKey() {
        ExtractableResponse<Response> clinic = newClinic();
        String key = clinic.path("apiKey.key");
        String keyId = clinic.path("apiKey.id");

        given().auth()
                .oauth2(key)
                .delete("/v1/clinic/api-keys/" + keyId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("issue a new key"));
        given().auth().oauth2(key).get("/v1/clinic").then().statusCode(200);

        // The operator may: it can always issue the clinic another.
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .delete("/admin/v1/clinics/" + clinic.path("clinic.id") + "/api-keys/" + keyId)
                .then()
                .statusCode(200)
                .body("revokedAt", notNullValue());
        given().auth().oauth2(key).get("/v1/clinic").then().statusCode(401);
    }

    @Test
    void shouldCapTheActiveKeysOfAClinic() {
        String key = newClinic().path("apiKey.key");
        int cap = config.auth().maxActiveKeysPerClinic();
        String lastIssuedId = null;
        for (int active = 1; active < cap; active++) {
            lastIssuedId = given().auth()
                    .oauth2(key)
                    .post("/v1/clinic/api-keys")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        }

        given().auth()
                .oauth2(key)
                .post("/v1/clinic/api-keys")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        given().auth()
                .oauth2(key)
                .delete("/v1/clinic/api-keys/" + lastIssuedId)
                .then()
                .statusCode(200);
        given().auth().oauth2(key).post("/v1/clinic/api-keys").then().statusCode(201);
    }

    private static ExtractableResponse<Response> newClinic() {
        return given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Keys " + UUID.randomUUID().toString().substring(0, 8),
                        "timeZone",
                        "America/Vancouver",
                        "locale",
                        "en",
                        "region",
                        "CA"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201)
                .extract();
    }
}
