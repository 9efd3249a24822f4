package io.aftercare.staff;

import static io.aftercare.support.StaffForms.CSRF;
import static io.aftercare.support.StaffForms.CSRF_FIELD;
import static io.aftercare.support.StaffForms.PASSWORD;
import static io.aftercare.support.StaffForms.SESSION;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.aftercare.staff.StaffClinics.Invitee;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.StaffForms;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClinics.Clinic;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What happens to dashboard accounts is in the audit log, by whom, and never with an address, name or link. */
@AftercareTest
class StaffAuditTest {

    @Inject
    StaffAccounts accounts;

    @Inject
    StaffInvitations invitations;

    @Test
    void shouldRecordInvitationsSignInsSignOutsLockoutsRoleChangesAndRemovals() {
        Clinic clinic = TestClinics.create();
        StaffClinics.signedUp(clinic, "Stays Manager", "MANAGER");
        Invitee ana = StaffClinics.invite(clinic, "Ana Audited", "STAFF");
        String anaActor = "staff:" + ana.id();
        StaffForms.setPassword(ana.token(), PASSWORD);
        String session = StaffForms.sessionOf(ana.email());
        signOut(session);
        for (int attempt = 1; attempt <= StaffSignIn.MAX_FAILURES; attempt++) {
            StaffForms.signIn(ana.email(), "wrong password " + attempt);
        }
        accounts.changeRole(clinic.id(), ana.id(), "MANAGER");
        StaffInvitations.Invited renewed = invitations.reinvite(clinic.id(), ana.id());
        accounts.remove(clinic.id(), ana.id());

        List<Map<String, Object>> events = events(clinic.id(), anaActor);
        assertThat(events)
                .extracting(event -> event.get("action"), event -> event.get("actor"))
                .containsExactly(
                        tuple("staff.invited", "clinic:" + clinic.id()),
                        tuple("staff.invitation-accepted", anaActor),
                        tuple("staff.signed-in", anaActor),
                        tuple("staff.signed-out", anaActor),
                        // No one is signed in while the passwords are tried: who typed them is unknown.
                        tuple("staff.locked-out", "system"),
                        // Called here without a request's identity; a manager's page names them (dashboard tests).
                        tuple("staff.role-changed", "system"),
                        tuple("staff.invited", "system"),
                        tuple("staff.removed", "system"));
        assertThat(events.get(0).get("details")).isEqualTo(Map.of("role", "STAFF"));
        assertThat(events.get(4).get("details")).isEqualTo(Map.of("failures", StaffSignIn.MAX_FAILURES));
        assertThat(events.get(5).get("details")).isEqualTo(Map.of("from", "STAFF", "to", "MANAGER"));
        assertThat(events.get(6).get("details")).isEqualTo(Map.of("role", "MANAGER", "newLink", true));
        assertThat(events)
                .allSatisfy(event ->
                        assertThat(event.get("clinicId")).isEqualTo(clinic.id().toString()));

        String everything = auditJson(clinic.id());
        assertThat(everything)
                .doesNotContain(ana.email())
                .doesNotContain("Ana Audited")
                .doesNotContain(ana.token())
                .doesNotContain(renewed.token())
                .doesNotContain(PASSWORD)
                .doesNotContain("wrong password");
    }

    @Test
    void shouldRecordTheOperatorInvitingTheirOwnUsers() {
        String id = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType("application/json")
                .body(Map.of("email", "ops-" + UUID.randomUUID() + "@example.com", "displayName", "Olga Ops"))
                .post("/admin/v1/staff")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        JsonPath audit = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .queryParam("action", "staff.invited")
                .get("/admin/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> event = audit.getMap("events.find { it.subject == 'staff:" + id + "' }");
        assertThat(event).containsEntry("actor", "operator").containsEntry("details", Map.of("role", "OPERATOR"));
        assertThat(event.get("clinicId")).isNull();
    }

    private static void signOut(String session) {
        StaffForms.Csrf csrf = StaffForms.csrfFrom("/app/today", Map.of(SESSION, session));
        given().cookie(SESSION, session)
                .cookie(CSRF, csrf.cookie())
                .formParam(CSRF_FIELD, csrf.field())
                .redirects()
                .follow(false)
                .post("/app/sign-out")
                .then()
                .statusCode(303);
    }

    // Oldest first, the user's events only.
    private static List<Map<String, Object>> events(UUID clinicId, String subject) {
        List<Map<String, Object>> newestFirst =
                JsonPath.from(auditJson(clinicId)).getList("events.findAll { it.subject == '" + subject + "' }");
        List<Map<String, Object>> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private static String auditJson(UUID clinicId) {
        return given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .queryParam("clinicId", clinicId)
                .queryParam("limit", 200)
                .get("/admin/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }
}
