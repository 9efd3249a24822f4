package io.aftercare.dashboard.staffadmin;

import static io.aftercare.support.StaffForms.CSRF;
import static io.aftercare.support.StaffForms.CSRF_FIELD;
import static io.aftercare.support.StaffForms.SESSION;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.aftercare.staff.StaffAccounts;
import io.aftercare.staff.StaffClinics;
import io.aftercare.staff.StaffClinics.Invitee;
import io.aftercare.staff.StaffMember;
import io.aftercare.staff.StaffRole;
import io.aftercare.staff.StaffState;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.StaffForms;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClinics.Clinic;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Settings → Staff and the operator's clinic picker over HTTP: roles, tenancy, CSRF, the link shown once. */
@AftercareTest
class StaffAdminPagesTest {

    private static final String STAFF_PAGE = "/app/settings/staff";

    @Inject
    StaffAccounts accounts;

    @Test
    void shouldShowTheLinkOnlyInTheAnswerToTheInvitationAndRecordTheManagerAsItsActor() {
        Clinic clinic = TestClinics.create();
        Invitee manager = StaffClinics.signedUp(clinic, "Mina Manager", "MANAGER");
        Map<String, String> cookies = Map.of(SESSION, StaffForms.sessionOf(manager.email()));
        String email = "new-" + UUID.randomUUID() + "@example.com";

        ExtractableResponse<Response> invited =
                post(STAFF_PAGE, cookies, Map.of("email", email, "displayName", "Noor New", "role", "STAFF"));

        assertThat(invited.statusCode()).isEqualTo(200); // the answer itself, no redirect to a page that shows it
        assertThat(invited.header("Cache-Control")).isEqualTo("no-store");
        String link = linkIn(invited.body().asString());
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(invited.body().asString()).contains("Noor New").doesNotContain(email);
        String listAgain = get(STAFF_PAGE, cookies).body().asString();
        assertThat(listAgain).contains("Noor New").contains("n…@example.com").doesNotContain(token);

        UUID noorId = memberNamed(clinic, "Noor New").id();
        Map<String, Object> event = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .queryParam("clinicId", clinic.id())
                .queryParam("action", "staff.invited")
                .get("/admin/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("events.find { it.subject == 'staff:" + noorId + "' }");
        assertThat(event).containsEntry("actor", "staff:" + manager.id());

        StaffForms.setPassword(token, "noor's own password");
        assertThat(memberNamed(clinic, "Noor New").state()).isEqualTo(StaffState.ACTIVE);
    }

    @Test
    void shouldShowARefusedInvitationAgainWithTheReasonNextToItsField() {
        Clinic clinic = TestClinics.create();
        Invitee manager = StaffClinics.signedUp(clinic, "Mina Manager", "MANAGER");
        Map<String, String> cookies = Map.of(SESSION, StaffForms.sessionOf(manager.email()));

        ExtractableResponse<Response> badAddress =
                post(STAFF_PAGE, cookies, Map.of("email", "not an address", "displayName", "Kept Name"));
        assertThat(badAddress.statusCode()).isEqualTo(422);
        assertThat(badAddress.contentType()).startsWith("text/html");
        assertThat(badAddress.body().asString())
                .contains("id=\"invite-email-error\">Enter an email address.<")
                .contains("value=\"Kept Name\"")
                .doesNotContain("\"errors\"");
        assertThat(badAddress.body().asString()).contains("id=\"invite-role-error\">Choose Staff or Manager.<");

        ExtractableResponse<Response> taken =
                post(STAFF_PAGE, cookies, Map.of("email", manager.email(), "displayName", "Twice", "role", "STAFF"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body().asString()).contains("This email address already has an account.");
        assertThat(members(clinic)).hasSize(1);
    }

    @Test
    void shouldChangeARoleRefuseToDemoteTheLastManagerAndRemoveAfterConfirmation() {
        Clinic clinic = TestClinics.create();
        Invitee manager = StaffClinics.signedUp(clinic, "Mina Manager", "MANAGER");
        Invitee staff = StaffClinics.signedUp(clinic, "Sol Staff", "STAFF");
        Map<String, String> cookies = Map.of(SESSION, StaffForms.sessionOf(manager.email()));
        String staffSession = StaffForms.sessionOf(staff.email());

        ExtractableResponse<Response> lastManager =
                post(STAFF_PAGE + "/" + manager.id() + "/role", cookies, Map.of("role", "STAFF"));
        assertThat(lastManager.statusCode()).isEqualTo(409);
        assertThat(lastManager.body().asString()).contains("last manager cannot be demoted or removed");

        ExtractableResponse<Response> promoted =
                post(STAFF_PAGE + "/" + staff.id() + "/role", cookies, Map.of("role", "MANAGER"));
        assertThat(promoted.statusCode()).isEqualTo(303);
        assertThat(promoted.header("Location")).endsWith(STAFF_PAGE + "?done=role");
        assertThat(get(STAFF_PAGE + "?done=role", cookies).body().asString()).contains("role=\"status\">Role changed.");
        // Their next page already sees the new role.
        given().cookie(SESSION, staffSession).get(STAFF_PAGE).then().statusCode(200);

        String confirmation =
                get(STAFF_PAGE + "/" + staff.id() + "/remove", cookies).body().asString();
        assertThat(confirmation).contains("Remove Sol Staff?").contains("action=\"/app/settings/staff/" + staff.id());
        assertThat(memberNamed(clinic, "Sol Staff").state()).isEqualTo(StaffState.ACTIVE); // a GET changes nothing

        ExtractableResponse<Response> removed = post(STAFF_PAGE + "/" + staff.id() + "/remove", cookies, Map.of());
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(removed.header("Location")).endsWith(STAFF_PAGE + "?done=removed");
        assertThat(memberNamed(clinic, "Sol Staff").state()).isEqualTo(StaffState.REMOVED);
        given().cookie(SESSION, staffSession)
                .redirects()
                .follow(false)
                .get("/app/today")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/app/sign-in"));
    }

    @Test
    void shouldRefuseClinicStaffEveryStaffPageAndAction() {
        Clinic clinic = TestClinics.create();
        Invitee manager = StaffClinics.signedUp(clinic, "Mina Manager", "MANAGER");
        Invitee staff = StaffClinics.signedUp(clinic, "Sol Staff", "STAFF");
        Map<String, String> cookies = Map.of(SESSION, StaffForms.sessionOf(staff.email()));

        given().cookies(cookies)
                .get(STAFF_PAGE)
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(not(containsString("Mina Manager")));
        given().cookies(cookies)
                .get(STAFF_PAGE + "/" + manager.id() + "/remove")
                .then()
                .statusCode(403);
        for (var action : actions(manager.id()).entrySet()) {
            assertThat(post(action.getKey(), cookies, action.getValue()).statusCode())
                    .as(action.getKey())
                    .isEqualTo(403);
        }
        assertUnchanged(clinic, manager, staff);
    }

    @Test
    void shouldAnswerAnotherClinicsUsersAndMalformedIdsWithTheDashboards404() {
        Clinic mine = TestClinics.create();
        Invitee manager = StaffClinics.signedUp(mine, "Mina Manager", "MANAGER");
        Clinic theirs = TestClinics.create();
        Invitee theirManager = StaffClinics.signedUp(theirs, "Theo Theirs", "MANAGER");
        Invitee theirStaff = StaffClinics.signedUp(theirs, "Tara Theirs", "STAFF");
        Map<String, String> cookies = Map.of(SESSION, StaffForms.sessionOf(manager.email()));

        for (String id : List.of(
                theirStaff.id().toString(), "not-a-uuid", UUID.randomUUID().toString())) {
            given().cookies(cookies)
                    .get(STAFF_PAGE + "/" + id + "/remove")
                    .then()
                    .statusCode(404)
                    .contentType(containsString("text/html"))
                    .body(containsString("There is nothing here"))
                    .body(not(containsString("Tara Theirs")));
            for (String action : List.of("/role", "/invitation", "/remove")) {
                String path = STAFF_PAGE + "/" + id + action;
                ExtractableResponse<Response> answer = post(path, cookies, Map.of("role", "MANAGER"));
                assertThat(answer.statusCode()).as(path).isEqualTo(404);
                assertThat(answer.body().asString())
                        .contains("There is nothing here")
                        .doesNotContain("Tara Theirs");
            }
        }
        assertUnchanged(theirs, theirManager, theirStaff);
        assertThat(get(STAFF_PAGE, cookies).body().asString()).doesNotContain("Tara Theirs");
    }

    @Test
    void shouldRefuseEachStaffFormPostedWithoutItsCsrfToken() {
        Clinic clinic = TestClinics.create();
        Invitee manager = StaffClinics.signedUp(clinic, "Mina Manager", "MANAGER");
        Invitee staff = StaffClinics.signedUp(clinic, "Sol Staff", "STAFF");
        String session = StaffForms.sessionOf(manager.email());
        StaffForms.Csrf theirs = StaffForms.csrfFrom("/app/sign-in"); // a token of the attacker's own

        for (var action : actions(staff.id()).entrySet()) {
            given().cookie(SESSION, session)
                    .formParams(action.getValue())
                    .redirects()
                    .follow(false)
                    .post(action.getKey())
                    .then()
                    .statusCode(403);
            given().cookie(SESSION, session)
                    .formParams(action.getValue())
                    .formParam(CSRF_FIELD, theirs.field())
                    .redirects()
                    .follow(false)
                    .post(action.getKey())
                    .then()
                    .statusCode(403);
        }
        assertUnchanged(clinic, manager, staff);
        assertThat(members(clinic)).hasSize(2);
    }

    @Test
    void shouldLetAnOperatorPickAClinicAndSeeItReadOnlyButPostNothingThere() {
        Clinic clinic = TestClinics.create();
        Invitee manager = StaffClinics.signedUp(clinic, "Mina Manager", "MANAGER");
        Invitee staff = StaffClinics.signedUp(clinic, "Sol Staff", "STAFF");
        String clinicName = given().auth()
                .oauth2(clinic.key())
                .get("/v1/clinic")
                .then()
                .extract()
                .path("name");
        Map<String, String> cookies = new HashMap<>(Map.of(SESSION, StaffForms.sessionOf(operator())));

        given().cookies(cookies)
                .redirects()
                .follow(false)
                .get(STAFF_PAGE)
                .then()
                .statusCode(303)
                .header("Location", endsWith("/app/clinics"));
        assertThat(get("/app/clinics", cookies).body().asString())
                .contains("<option value=\"" + clinic.id() + "\">" + clinicName + "</option>");
        assertThat(post(
                                "/app/clinics",
                                cookies,
                                Map.of("clinic", UUID.randomUUID().toString()))
                        .statusCode())
                .isEqualTo(404);

        ExtractableResponse<Response> chosen =
                post("/app/clinics", cookies, Map.of("clinic", clinic.id().toString()));
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(chosen.header("Location")).endsWith("/app/today");
        assertThat(chosen.headers().getValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("aftercare-clinic=" + clinic.id())
                        .contains("Path=/app")
                        .containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Strict"));
        cookies.put("aftercare-clinic", chosen.cookie("aftercare-clinic"));

        assertThat(get("/app/today", cookies).body().asString()).contains("Read-only: operator view of " + clinicName);
        String list = get(STAFF_PAGE, cookies).body().asString();
        assertThat(list)
                .contains("Mina Manager")
                .contains("Sol Staff")
                .doesNotContain("<form method=\"post\" action=\"/app/settings/staff");
        assertThat(get("/app/clinics", cookies).body().asString())
                .contains("<option value=\"" + clinic.id() + "\" selected>");

        given().cookies(cookies)
                .get(STAFF_PAGE + "/" + staff.id() + "/remove")
                .then()
                .statusCode(403);
        for (var action : actions(staff.id()).entrySet()) {
            assertThat(post(action.getKey(), cookies, action.getValue()).statusCode())
                    .as(action.getKey())
                    .isEqualTo(403);
        }
        assertUnchanged(clinic, manager, staff);
        assertThat(members(clinic)).hasSize(2);

        // A clinic's own user has no clinic to pick.
        Map<String, String> managerCookies = Map.of(SESSION, StaffForms.sessionOf(manager.email()));
        given().cookies(managerCookies).get("/app/clinics").then().statusCode(403);
        assertThat(post(
                                "/app/clinics",
                                managerCookies,
                                Map.of("clinic", clinic.id().toString()))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void shouldSpeakFrenchToAFrenchBrowser() {
        Clinic clinic = TestClinics.create();
        Invitee manager = StaffClinics.signedUp(clinic, "Mina Manager", "MANAGER");
        given().cookie(SESSION, StaffForms.sessionOf(manager.email()))
                .header("Accept-Language", "fr-CA,fr;q=0.9")
                .get(STAFF_PAGE)
                .then()
                .statusCode(200)
                .body(containsString("<h1>Équipe</h1>"))
                .body(containsString("Inviter quelqu&#39;un"))
                .body(containsString("Responsable"));
    }

    // Every form of Settings → Staff, each with a valid body.
    private static Map<String, Map<String, String>> actions(UUID target) {
        return Map.of(
                STAFF_PAGE,
                Map.of("email", "x-" + UUID.randomUUID() + "@example.com", "displayName", "X", "role", "STAFF"),
                STAFF_PAGE + "/" + target + "/role",
                Map.of("role", "MANAGER"),
                STAFF_PAGE + "/" + target + "/invitation",
                Map.of(),
                STAFF_PAGE + "/" + target + "/remove",
                Map.of());
    }

    // Read afresh: the test method's own persistence context would keep the users as first read.
    private List<StaffMember> members(Clinic clinic) {
        return QuarkusTransaction.requiringNew().call(() -> accounts.list(clinic.id()));
    }

    private StaffMember member(Clinic clinic, Invitee invitee) {
        return members(clinic).stream()
                .filter(member -> member.id().equals(invitee.id()))
                .findFirst()
                .orElseThrow();
    }

    private void assertUnchanged(Clinic clinic, Invitee manager, Invitee staff) {
        assertThat(member(clinic, manager))
                .extracting(StaffMember::role, StaffMember::state)
                .containsExactly(StaffRole.MANAGER, StaffState.ACTIVE);
        StaffMember member = member(clinic, staff);
        assertThat(member)
                .extracting(StaffMember::role, StaffMember::state)
                .containsExactly(StaffRole.STAFF, StaffState.ACTIVE);
        assertThat(member.invitationExpiresAt()).as("no new link").isNull();
    }

    private StaffMember memberNamed(Clinic clinic, String name) {
        return members(clinic).stream()
                .filter(member -> member.displayName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static String operator() {
        String email = "ops-" + UUID.randomUUID() + "@example.com";
        String url = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType("application/json")
                .body(Map.of("email", email, "displayName", "Olga Operator"))
                .post("/admin/v1/staff")
                .then()
                .statusCode(201)
                .extract()
                .path("invitationUrl");
        StaffForms.setPassword(url.substring(url.lastIndexOf('/') + 1), StaffForms.PASSWORD);
        return email;
    }

    private static String linkIn(String page) {
        var matcher = java.util.regex.Pattern.compile(
                        "id=\"invitation-link\" type=\"text\" readonly value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(matcher.find()).as("the page shows the link").isTrue();
        assertThat(matcher.group(1)).matches("http://[^/]+/app/invitation/[A-Za-z0-9_-]{43}");
        return matcher.group(1);
    }

    private static ExtractableResponse<Response> get(String path, Map<String, String> cookies) {
        return given().cookies(cookies)
                .redirects()
                .follow(false)
                .get(path)
                .then()
                .statusCode(200)
                .extract();
    }

    // A form posted as the browser would: the CSRF token of a page this user may open.
    private static ExtractableResponse<Response> post(
            String path, Map<String, String> cookies, Map<String, String> form) {
        StaffForms.Csrf csrf = StaffForms.csrfFrom("/app/sign-in", cookies);
        return given().cookies(cookies)
                .cookie(CSRF, csrf.cookie())
                .formParams(form)
                .formParam(CSRF_FIELD, csrf.field())
                .redirects()
                .follow(false)
                .post(path)
                .then()
                .extract();
    }
}
