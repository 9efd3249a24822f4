package io.aftercare.staff;

import static io.restassured.RestAssured.given;

import io.aftercare.support.StaffForms;
import io.aftercare.support.TestClinics.Clinic;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;

/**
 * Staff of fresh clinics ({@code support/TestClinics}) for tests that count a clinic's managers or compare two clinics
 * (the test clinic gathers users from every test).
 */
public final class StaffClinics {

    /** An invited user: their id, address and the token of their link. */
    public record Invitee(UUID id, String email, String token) {}

    private StaffClinics() {}

    /** Invites a user of this role with a fresh address, through the clinic's key. */
    public static Invitee invite(Clinic clinic, String displayName, String role) {
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        ExtractableResponse<Response> invited = given().auth()
                .oauth2(clinic.key())
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "displayName", displayName, "role", role))
                .post("/v1/clinic/staff")
                .then()
                .statusCode(201)
                .extract();
        String url = invited.path("invitationUrl");
        return new Invitee(UUID.fromString(invited.path("id")), email, url.substring(url.lastIndexOf('/') + 1));
    }

    /** A user of this role who has set {@link StaffForms#PASSWORD}. */
    public static Invitee signedUp(Clinic clinic, String displayName, String role) {
        Invitee invitee = invite(clinic, displayName, role);
        StaffForms.setPassword(invitee.token(), StaffForms.PASSWORD);
        return invitee;
    }
}
