package io.aftercare.dashboard.settings;

import static io.restassured.RestAssured.given;

import io.aftercare.support.Sessions;
import io.aftercare.support.StaffForms;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A clinic of a Settings test's own, with its first API key and dashboard users, so that its keys, endpoints and
 * settings are seen by no other test (as {@code webhook.TestClinics}, which is package-private there).
 */
record SettingsClinic(UUID id, String name, String key, UUID keyId) {

    static SettingsClinic create() {
        String name = "Settings Clinic " + UUID.randomUUID();
        ExtractableResponse<Response> created = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "timeZone", "America/Vancouver", "locale", "en", "region", "CA"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201)
                .extract();
        return new SettingsClinic(
                UUID.fromString(created.path("clinic.id")),
                name,
                created.path("apiKey.key"),
                UUID.fromString(created.path("apiKey.id")));
    }

    /** The clinic's API, as its software calls it. */
    RequestSpecification api() {
        return given().auth().oauth2(key);
    }

    /** A new user of this clinic ({@code STAFF} or {@code MANAGER}) with {@link StaffForms#PASSWORD}; their address. */
    String user(String displayName, String role) {
        String email = "settings-" + UUID.randomUUID() + "@example.com";
        String url = api().contentType(ContentType.JSON)
                .body(Map.of("email", email, "displayName", displayName, "role", role))
                .post("/v1/clinic/staff")
                .then()
                .statusCode(201)
                .extract()
                .path("invitationUrl");
        StaffForms.setPassword(url.substring(url.lastIndexOf('/') + 1), StaffForms.PASSWORD);
        return email;
    }

    /** A signed-in manager's session cookie. */
    String managerSession() {
        return StaffForms.sessionOf(user("Mona Manager", "MANAGER"));
    }

    /** Registers an endpoint through the API; its id. */
    String endpoint(String url, List<String> events) {
        return api().contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", events))
                .post("/v1/clinic/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
