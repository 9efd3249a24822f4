package io.aftercare.dashboard.clients;

import static io.restassured.RestAssured.given;

import io.aftercare.client.ClientDirectory;
import io.aftercare.support.Sessions;
import io.aftercare.support.StaffForms;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClinics.Clinic;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Staff and clients of fresh clinics ({@code support/TestClinics}) for the Clients screen's tests: what a page lists,
 * only that test made. Clinic B of the tenancy tests is one more of them.
 */
final class ClientsFixtures {

    /** A client as the tests name it: the clinic's id for them, the dashboard's, and their first session. */
    record PostedClient(String externalId, UUID id, UUID sessionId, String phone) {}

    private ClientsFixtures() {}

    /** A user of the clinic ({@code STAFF} or {@code MANAGER}) who has set {@link StaffForms#PASSWORD}. */
    static String staff(Clinic clinic, String displayName, String role) {
        return invited(clinic.key(), "/v1/clinic/staff", Map.of("displayName", displayName, "role", role));
    }

    /** An operator user, who sees every clinic read-only. */
    static String operator(String displayName) {
        return invited(Sessions.ADMIN_KEY, "/admin/v1/staff", Map.of("displayName", displayName));
    }

    private static String invited(String key, String path, Map<String, String> body) {
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        Map<String, String> request = new java.util.HashMap<>(body);
        request.put("email", email);
        String url = given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(request)
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("invitationUrl");
        StaffForms.setPassword(url.substring(url.lastIndexOf('/') + 1), StaffForms.PASSWORD);
        return email;
    }

    /** Posts a session, ended two hours ago, for a new client of the clinic. */
    static PostedClient client(Clinic clinic, String firstName, String lastName, String phone) {
        Map<String, Object> session = Sessions.post(OffsetDateTime.now().minusHours(2));
        Map<String, Object> client = Sessions.client(session);
        client.put("firstName", firstName);
        client.put("lastName", lastName);
        client.put("phone", phone);
        client.put("timeZone", "Pacific/Auckland");
        UUID sessionId = TestClinics.post(clinic, session);
        String externalId = (String) client.get("id");
        UUID id = Arc.container()
                .instance(ClientDirectory.class)
                .get()
                .search(clinic.id(), externalId, null)
                .clients()
                .get(0)
                .id();
        return new PostedClient(externalId, id, sessionId, phone);
    }

    static String sessionStatus(Clinic clinic, UUID sessionId) {
        return given().auth()
                .oauth2(clinic.key())
                .get("/v1/sessions/" + sessionId)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }
}
