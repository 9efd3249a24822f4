package io.aftercare.dashboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words every dashboard page shares (navigation, errors, paging), in English here and in French in {@code
 * messages/app_fr.properties}. Each screen keeps its own words in a bundle of its own.
 */
@MessageBundle(value = "app", locale = "en")
public interface DashboardLabels {

    @Message("Skip to content")
    String skipToContent();

    @Message("Aftercare")
    String product();

    @Message("Today")
    String navToday();

    @Message("Replies")
    String navReplies();

    @Message("Clients")
    String navClients();

    @Message("Settings")
    String navSettings();

    @Message("Clinics")
    String navClinics();

    @Message("Signed in as")
    String signedInAs();

    @Message("Sign out")
    String signOut();

    @Message("Next page")
    String nextPage();

    @Message("Back to the first page")
    String firstPage();

    @Message("This page of the list no longer exists. Start again from the first page.")
    String staleCursor();

    @Message("Not found")
    String notFoundTitle();

    @Message("There is nothing here, or it is not yours to see.")
    String notFoundText();

    @Message("Not allowed")
    String forbiddenTitle();

    @Message("Your role does not allow this. A manager of your clinic can do it, or change your role.")
    String forbiddenText();

    @Message("Read-only: operator view of {clinicName}")
    String operatorView(String clinicName);

    @Message("Back to Today")
    String backToToday();
}
