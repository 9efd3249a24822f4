package io.aftercare.dashboard.clients;

import io.aftercare.reminder.ReminderStatus;
import io.aftercare.reminder.TextKind;
import io.aftercare.reply.ReplyCategory;
import io.aftercare.session.SessionKind;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the Clients screen (search, a client's timeline, cancelling a session); French in clients_fr. */
// Over 150 lines: a message bundle, one short method per word of the Clients pages; split, templates would name several
// bundles for one page.
@MessageBundle(value = "clients", locale = "en")
public interface ClientLabels {

    @Message("Clients")
    String title();

    @Message("Find a client")
    String searchLabel();

    @Message("The start of a first or last name, the last digits of the number, or the clinic's own id for the client")
    String searchHint();

    @Message("Search")
    String search();

    @Message("Use at most 100 characters, with no control characters.")
    String queryRefused();

    @Message("Clients whose name, number or id matches")
    String matchesCaption();

    @Message("Most recently updated first")
    String recentCaption();

    @Message("Name")
    String name();

    @Message("Number")
    String number();

    @Message("Updated")
    String updated();

    @Message("No client yet. A client appears here once the clinic's system posts their first session.")
    String noClients();

    @Message(
            "No client matches “{query}”. Try the start of the first or last name, or the last 4 digits of the number.")
    String noMatch(String query);

    @Message("Time zone")
    String timeZone();

    @Message("The clinic's id for the client")
    String externalId();

    @Message("Texts")
    String textsState();

    @Message("Opted out on {since}: no text goes out until they reply START.")
    String optedOut(String since);

    @Message("Receiving texts")
    String receivingTexts();

    @Message("Sessions")
    String sessions();

    @Message("Session")
    String session();

    @Message("No session.")
    String noSessions();

    @Message("{#when kind}{#is TOUCH_UP}Touch-up session {number}{#else}Treatment session {number}{/when}")
    String sessionName(SessionKind kind, int number);

    @Message("Ended")
    String ended();

    @Message("Status")
    String status();

    @Message("Active")
    String active();

    @Message("Cancelled")
    String cancelled();

    @Message("Cancel {session}")
    String cancelSession(String session);

    @Message("Texts and replies")
    String conversation();

    @Message("No text or reply yet.")
    String noConversation();

    @Message("{#when kind}{#is MANUAL}Message from the clinic{#is URGENT_ANSWER}Answer to an urgent reply"
            + "{#else}Aftercare text “{step}”{/when}")
    String textName(TextKind kind, String step);

    @Message("{#when status}{#is SCHEDULED}Scheduled{#is SENDING}Sending{#is SENT}Sent{#is DELIVERED}Delivered"
            + "{#is FAILED}Failed{#is CANCELLED}Cancelled{#is SKIPPED}Skipped: its advice no longer applied"
            + "{#is SUPERSEDED}Replaced by a later session{#is EXPIRED}Expired: could not go out in time"
            + "{#is HELD}Held: the client opted out{/when}")
    String textStatus(ReminderStatus status);

    @Message("Delivery report: {report}")
    String deliveryReport(String report);

    @Message("Why: {reason}")
    String failedBecause(String reason);

    @Message("Erased")
    String erased();

    @Message("Reply from the client")
    String reply();

    @Message("{#when category}{#is URGENT}Urgent{#is QUESTION}Question{#is KEYWORD}Keyword{#else}Other{/when}")
    String replyCategory(ReplyCategory category);

    @Message("Open")
    String replyOpen();

    @Message("Resolved {at}")
    String replyResolved(String at);

    @Message("Note: {note}")
    String replyNote(String note);

    @Message("Session cancelled. Its texts not yet sent will not go out.")
    String doneCancelled();

    @Message("Cancel a session")
    String cancelTitle();

    @Message("Cancel {session} of {client}, ended {ended}?")
    String cancelQuestion(String session, String client, String ended);

    @Message("{#when pending}{#is 0}No text of this session is still to go out.{#is 1}1 text not yet sent will be"
            + " cancelled.{#else}{pending} texts not yet sent will be cancelled.{/when} Texts already sent stay as"
            + " they are. Use this for a session posted by mistake.")
    String cancelEffect(int pending);

    @Message("Cancel this session")
    String confirmCancel();

    @Message("Keep it and go back")
    String keepSession();

    @Message("This session was cancelled already.")
    String alreadyCancelled();

    @Message("Back to {client}")
    String backToClient(String client);
}
