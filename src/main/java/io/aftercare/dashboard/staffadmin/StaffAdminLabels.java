package io.aftercare.dashboard.staffadmin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of Settings → Staff and of the operator's clinic picker, in English here and in French in {@code
 * messages/staffadmin_fr.properties}.
 */
// Over 150 lines: a message bundle, one short method per word of the Staff and Clinics pages.
@MessageBundle(value = "staffadmin", locale = "en")
public interface StaffAdminLabels {

    @Message("Staff")
    String title();

    @Message("Who can sign in to the dashboard of {clinicName}. Managers also change the settings, keys and staff.")
    String intro(String clinicName);

    @Message("Name")
    String colName();

    @Message("Email")
    String colEmail();

    @Message("Role")
    String colRole();

    @Message("State")
    String colState();

    @Message("Actions")
    String colActions();

    @Message("Staff")
    String roleStaff();

    @Message("Manager")
    String roleManager();

    @Message("Invited")
    String stateInvited();

    @Message("Link expired")
    String stateInvitationExpired();

    @Message("Active")
    String stateActive();

    @Message("Locked")
    String stateLocked();

    @Message("Removed")
    String stateRemoved();

    @Message("link valid until {time}")
    String linkValidUntil(String time);

    @Message("until {time}")
    String lockedUntil(String time);

    @Message("(you)")
    String you();

    @Message("Role of {name}")
    String roleOf(String name);

    @Message("Change role")
    String changeRole();

    @Message("Change the role of {name}")
    String changeRoleOf(String name);

    @Message("Send a new link")
    String newLink();

    @Message("Send {name} a new link")
    String newLinkFor(String name);

    @Message("Remove…")
    String remove();

    @Message("Remove {name}…")
    String removeName(String name);

    @Message("No one can sign in to this clinic's dashboard yet.")
    String empty();

    @Message("Invite someone")
    String inviteHeading();

    @Message("Email")
    String emailLabel();

    @Message("Name shown on the dashboard")
    String nameLabel();

    @Message("Role")
    String roleLabel();

    @Message("Invite")
    String inviteButton();

    @Message("Invitation link for {name}")
    String linkHeading(String name);

    @Message("Send this link to {name} yourself. It is shown only this once, works once, and ends {time}.")
    String linkText(String name, String time);

    @Message("Invitation link")
    String linkLabel();

    @Message("Role changed. It applies from their next page.")
    String doneRole();

    @Message("Removed. They were signed out at once.")
    String doneRemoved();

    @Message("Enter an email address.")
    String errorEmail();

    @Message("This email address already has an account.")
    String errorEmailTaken();

    @Message("Enter a name of at most 80 characters.")
    String errorName();

    @Message("Choose Staff or Manager.")
    String errorRole();

    @Message("The clinic's last manager cannot be demoted or removed: make someone else a manager first.")
    String errorLastManager();

    @Message("Remove {name}?")
    String removeTitle(String name);

    @Message("{name} ({email}) is signed out at once and can no longer sign in. The audit log keeps what they did;"
            + " a new link brings them back.")
    String removeText(String name, String email);

    @Message("Remove {name}")
    String removeConfirm(String name);

    @Message("Cancel")
    String cancel();

    @Message("Clinics")
    String clinicsTitle();

    @Message("As the operator you may look at any clinic's dashboard, read-only.")
    String clinicsIntro();

    @Message("Clinic")
    String clinicLabel();

    @Message("Show this clinic")
    String showClinic();

    @Message("There are no clinics yet.")
    String noClinics();
}
