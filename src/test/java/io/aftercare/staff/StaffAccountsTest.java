package io.aftercare.staff;

import static io.aftercare.support.StaffForms.PASSWORD;
import static io.aftercare.support.StaffForms.SESSION;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.endsWith;

import io.aftercare.problem.ProblemException;
import io.aftercare.staff.StaffClinics.Invitee;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.StaffForms;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClinics.Clinic;
import io.aftercare.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A clinic's staff list, role changes, removals and new links, through the services the Staff page calls. */
@AftercareTest
class StaffAccountsTest {

    @Inject
    StaffAccounts accounts;

    @Inject
    StaffInvitations invitations;

    @Inject
    TestClock clock;

    @Test
    void shouldListTheClinicsStaffWithTheirStatesAndMaskedAddressesOnly() {
        Clinic clinic = TestClinics.create();
        Invitee manager = StaffClinics.signedUp(clinic, "Maya Manager", "MANAGER");
        Invitee locked = StaffClinics.signedUp(clinic, "Luc Locked", "STAFF");
        Invitee invited = StaffClinics.invite(clinic, "Ines Invited", "STAFF");
        Invitee removed = StaffClinics.signedUp(clinic, "Aaron Removed", "STAFF");
        for (int attempt = 1; attempt <= StaffSignIn.MAX_FAILURES; attempt++) {
            StaffForms.signIn(locked.email(), "wrong password " + attempt);
        }
        accounts.remove(clinic.id(), removed.id());
        Invitee elsewhere = StaffClinics.signedUp(TestClinics.create(), "Other Clinic's", "MANAGER");

        List<StaffMember> staff = accounts.list(clinic.id());

        assertThat(staff)
                .extracting(StaffMember::displayName, StaffMember::role, StaffMember::state)
                .containsExactly(
                        tuple("Ines Invited", StaffRole.STAFF, StaffState.INVITED),
                        tuple("Luc Locked", StaffRole.STAFF, StaffState.LOCKED),
                        tuple("Maya Manager", StaffRole.MANAGER, StaffState.ACTIVE),
                        tuple("Aaron Removed", StaffRole.STAFF, StaffState.REMOVED));
        assertThat(staff).extracting(StaffMember::id).doesNotContain(elsewhere.id());
        assertThat(staff).extracting(StaffMember::maskedEmail).allMatch(masked -> masked.equals("s…@example.com"));
        assertThat(staff.toString())
                .doesNotContain(manager.email())
                .doesNotContain(invited.token())
                .doesNotContain("$2");
        assertThat(staff.get(0).invitationExpiresAt()).isNotNull();
        assertThat(staff.get(1).lockedUntil()).isNotNull();

        clock.setNow(clock.instant().plus(StaffInvitations.LIFETIME).plusSeconds(1));
        assertThat(accounts.member(clinic.id(), invited.id()).orElseThrow().state())
                .isEqualTo(StaffState.INVITATION_EXPIRED);
        assertThat(accounts.member(clinic.id(), locked.id()).orElseThrow().state())
                .isEqualTo(StaffState.ACTIVE); // 15 minutes are long over
    }

    @Test
    void shouldChangeARoleButNeverLeaveAClinicWithoutAManagerWhoCanSignIn() {
        Clinic clinic = TestClinics.create();
        Invitee first = StaffClinics.signedUp(clinic, "First Manager", "MANAGER");
        Invitee invitedManager = StaffClinics.invite(clinic, "Invited Manager", "MANAGER");

        // An invited manager does not count: their link may never be used.
        assertConflict(() -> accounts.changeRole(clinic.id(), first.id(), "STAFF"));
        assertConflict(() -> accounts.remove(clinic.id(), first.id()));
        assertThat(accounts.member(clinic.id(), first.id()).orElseThrow())
                .extracting(StaffMember::role, StaffMember::state)
                .containsExactly(StaffRole.MANAGER, StaffState.ACTIVE);
        // Demoting or removing a manager who never signed up leaves the clinic as it was: allowed.
        assertThat(accounts.changeRole(clinic.id(), invitedManager.id(), "STAFF")
                        .role())
                .isEqualTo(StaffRole.STAFF);

        Invitee second = StaffClinics.signedUp(clinic, "Second Staff", "STAFF");
        assertThat(accounts.changeRole(clinic.id(), second.id(), "MANAGER").role())
                .isEqualTo(StaffRole.MANAGER);
        assertThat(accounts.changeRole(clinic.id(), first.id(), "STAFF").role()).isEqualTo(StaffRole.STAFF);
        assertConflict(() -> accounts.changeRole(clinic.id(), second.id(), "STAFF"));

        assertThatThrownBy(() -> accounts.changeRole(clinic.id(), first.id(), "OPERATOR"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().errors().get(0).field()).isEqualTo("role"));
    }

    @Test
    void shouldEndARemovedUsersSessionsAtOnceAndLetANewLinkBringThemBack() {
        Clinic clinic = TestClinics.create();
        StaffClinics.signedUp(clinic, "Keeps Managing", "MANAGER");
        Invitee leaving = StaffClinics.signedUp(clinic, "Leaving Soon", "MANAGER");
        String session = StaffForms.sessionOf(leaving.email());
        today(session).statusCode(200);

        accounts.remove(clinic.id(), leaving.id());

        today(session).statusCode(303).header("Location", endsWith("/app/sign-in"));
        assertThat(StaffForms.signIn(leaving.email(), PASSWORD).cookie(SESSION)).isNull();
        given().get("/app/set-password?token=" + leaving.token()).then().statusCode(410);
        assertThat(accounts.member(clinic.id(), leaving.id()).orElseThrow().state())
                .isEqualTo(StaffState.REMOVED);
        accounts.remove(clinic.id(), leaving.id()); // again: nothing to do

        StaffInvitations.Invited back = invitations.reinvite(clinic.id(), leaving.id());
        assertThat(accounts.member(clinic.id(), leaving.id()).orElseThrow().state())
                .isEqualTo(StaffState.INVITED);
        StaffForms.setPassword(back.token(), "a brand new password");
        assertThat(StaffForms.signIn(leaving.email(), "a brand new password").cookie(SESSION))
                .isNotBlank();
    }

    @Test
    void shouldVoidTheOldLinkWhenANewOneIsSentAndEndSessionsWhenItResetsAPassword() {
        Clinic clinic = TestClinics.create();
        Invitee invitee = StaffClinics.invite(clinic, "Lost Link", "STAFF");
        StaffInvitations.Invited renewed = invitations.reinvite(clinic.id(), invitee.id());
        assertThat(renewed.token()).isNotEqualTo(invitee.token());
        given().get("/app/set-password?token=" + invitee.token()).then().statusCode(410);
        StaffForms.setPassword(renewed.token(), PASSWORD);
        String session = StaffForms.sessionOf(invitee.email());

        // A new link for a user who has a password resets it: their sessions hold until it is used.
        StaffInvitations.Invited reset = invitations.reinvite(clinic.id(), invitee.id());
        today(session).statusCode(200);
        StaffForms.setPassword(reset.token(), "the reset password");
        today(session).statusCode(303);
        assertThat(StaffForms.signIn(invitee.email(), PASSWORD).cookie(SESSION)).isNull();
        assertThat(StaffForms.signIn(invitee.email(), "the reset password").cookie(SESSION))
                .isNotBlank();
    }

    @Test
    void shouldTreatAnotherClinicsUserAsUnknown() {
        Clinic mine = TestClinics.create();
        StaffClinics.signedUp(mine, "My Manager", "MANAGER");
        Clinic theirs = TestClinics.create();
        StaffClinics.signedUp(theirs, "Their Manager", "MANAGER");
        Invitee theirStaff = StaffClinics.signedUp(theirs, "Their Staff", "STAFF");
        String theirSession = StaffForms.sessionOf(theirStaff.email());

        assertNotFound(() -> accounts.changeRole(mine.id(), theirStaff.id(), "MANAGER"));
        assertNotFound(() -> accounts.remove(mine.id(), theirStaff.id()));
        assertNotFound(() -> invitations.reinvite(mine.id(), theirStaff.id()));
        assertNotFound(() -> invitations.reinvite(mine.id(), UUID.randomUUID()));
        assertThat(accounts.member(mine.id(), theirStaff.id())).isEmpty();

        assertThat(accounts.member(theirs.id(), theirStaff.id()).orElseThrow())
                .extracting(StaffMember::role, StaffMember::state)
                .containsExactly(StaffRole.STAFF, StaffState.ACTIVE);
        today(theirSession).statusCode(200);
        // Their invitation was not replaced either: the used one stays used, no new one exists.
        assertThat(invitationsOf(theirStaff.id())).isZero();
    }

    private static long invitationsOf(UUID staffId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> StaffInvitation.count("staffId = ?1 and usedAt is null", staffId));
    }

    private static void assertConflict(Runnable change) {
        assertThatThrownBy(change::run)
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(409));
    }

    private static void assertNotFound(Runnable change) {
        assertThatThrownBy(change::run)
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(404));
    }

    /** The dashboard's first page as the holder of this session cookie sees it, redirects not followed. */
    private static ValidatableResponse today(String session) {
        return given().cookie(SESSION, session)
                .redirects()
                .follow(false)
                .get("/app/today")
                .then();
    }
}
