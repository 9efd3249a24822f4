package io.aftercare.dashboard.today;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the Today page, in English here and in French in {@code messages/today_fr.properties}. */
@MessageBundle(value = "today", locale = "en")
public interface TodayLabels {

    @Message("What needs someone today: urgent replies, failed texts, and the texts due today, in the clinic's time.")
    String intro();

    @Message("Texts to clients are not going out")
    String pausedTitle();

    @Message("Sending was paused on {since}: {reason}")
    String pausedReason(String since, String reason);

    @Message(
            "Nothing is lost: texts wait and go out, in order, once sending resumes. What to do: the service's operator"
                    + " fixes the SMS account, then resumes sending. Tell them if this lasts; clients who need an answer now"
                    + " are best called.")
    String pausedWhatToDo();

    @Message("Urgent replies")
    String urgentTitle();

    @Message("No urgent reply is waiting.")
    String urgentEmpty();

    @Message("More urgent replies are waiting: see them all in Replies.")
    String urgentMore();

    @Message("Open in Replies")
    String openInReplies();

    @Message("Texts that need someone")
    String failuresTitle();

    @Message("Texts of the last 7 days that failed, ran out of time or are held for a client who opted out.")
    String failuresIntro();

    @Message("No text needs anyone: nothing failed, expired or is held.")
    String failuresEmpty();

    @Message("Texts due today")
    String dueTitle();

    @Message("No text is due today.")
    String dueEmpty();

    @Message("Due")
    String columnDue();

    @Message("Client")
    String columnClient();

    @Message("Text")
    String columnText();

    @Message("State")
    String columnState();

    @Message("Why")
    String columnWhy();

    @Message("Sent {at}")
    String sentAt(String at);

    @Message("erased")
    String erased();

    @Message("erased client")
    String erasedClient();

    @Message("The client opted out (STOP): it goes out if they text START.")
    String heldWhy();

    @Message(
            "{#when kind}{#is 'MANUAL'}The clinic's own text{#is 'URGENT_ANSWER'}Urgent answer{#else}Step {step}{/when}")
    String text(String kind, String step);

    @Message("{#when status}{#is 'SCHEDULED'}Scheduled{#is 'SENDING'}Sending{#is 'SENT'}Sent{#is 'DELIVERED'}Delivered"
            + "{#is 'FAILED'}Failed{#is 'CANCELLED'}Cancelled{#is 'SKIPPED'}Skipped{#is 'SUPERSEDED'}Replaced"
            + "{#is 'EXPIRED'}Expired{#is 'HELD'}Held{#else}{status}{/when}")
    String status(String status);
}
