package io.aftercare.webhook;

import static io.restassured.RestAssured.given;

import io.aftercare.support.Sessions;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fresh clinics for webhook tests, so that no endpoint of one test is seen by another. */
final class TestClinics {

    record Clinic(UUID id, String key) {}

    private TestClinics() {}

    static Clinic create() {
        ExtractableResponse<Response> created = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Webhook Clinic " + UUID.randomUUID(),
                        "timeZone", "America/Vancouver",
                        "locale", "en",
                        "region", "CA"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201)
                .extract();
        return new Clinic(UUID.fromString(created.path("clinic.id")), created.path("apiKey.key"));
    }

    /** Registers an endpoint; answers the 201's body (id, secret...). */
    static ExtractableResponse<Response> register(Clinic clinic, String url, List<String> events) {
        return given().auth()
                .oauth2(clinic.key())
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", events))
                .post("/v1/clinic/webhooks")
                .then()
                .statusCode(201)
                .extract();
    }
}
