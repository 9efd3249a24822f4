package io.aftercare.dashboard.settings;

import static io.restassured.RestAssured.given;

import io.aftercare.support.StaffForms;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClinics.Clinic;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A clinic of a Settings test's own, with its first API key and dashboard users, so that its keys, endpoints and
 * settings are seen by no other test (made by {@code support/TestClinics}).
 */
record SettingsClinic(UUID id, String name, String key, UUID keyId) {

    static SettingsClinic create() {
        Clinic clinic = TestClinics.create("Settings Clinic");
        return new SettingsClinic(clinic.id(), clinic.name(), clinic.key(), clinic.keyId());
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
