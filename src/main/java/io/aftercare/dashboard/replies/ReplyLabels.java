package io.aftercare.dashboard.replies;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the Replies page, in English here and in French in {@code messages/replies_fr.properties}. */
@MessageBundle(value = "replies", locale = "en")
public interface ReplyLabels {

    @Message("What clients texted the clinic, urgent ones first.")
    String intro();

    @Message("Filter replies")
    String filters();

    @Message("Status")
    String status();

    @Message("Open")
    String statusOpen();

    @Message("Resolved")
    String statusResolved();

    @Message("Any")
    String any();

    @Message("Kind")
    String category();

    @Message(
            "{#when category}{#is 'URGENT'}Urgent{#is 'QUESTION'}Question{#is 'OTHER'}Other{#is 'KEYWORD'}Keyword (STOP, START,"
                    + " HELP){#else}{category}{/when}")
    String categoryName(String category);

    @Message("Show")
    String filter();

    @Message("No reply here. What clients text the clinic shows up here, urgent ones first.")
    String empty();

    @Message("No reply matches these filters.")
    String emptyFiltered();

    @Message("erased client")
    String erasedClient();

    @Message("The client was erased: their words are gone.")
    String erasedBody();

    @Message("Open in timeline")
    String openInTimeline();

    @Message("Open in timeline: reply from {client}, {at}")
    String openInTimelineOf(String client, String at);

    @Message("Answer")
    String answer();

    @Message("Answer {client} (reply of {at})")
    String answerTo(String client, String at);

    @Message("It goes out with the clinic's name in front, like every text, within 2 SMS segments.")
    String answerHint();

    @Message("Send")
    String send();

    @Message("Send answer to {client}, {at}")
    String sendTo(String client, String at);

    @Message("Note (optional)")
    String note();

    @Message("Note on the reply from {client}, {at} (optional)")
    String noteOn(String client, String at);

    @Message("Resolve")
    String resolve();

    @Message("Resolve reply from {client}, {at}")
    String resolveReply(String client, String at);

    @Message("Resolved {at}")
    String resolvedAt(String at);

    @Message("Note: {note}")
    String resolvedNote(String note);

    @Message(
            "{#when done}{#is 'sent'}The answer is on its way.{#is 'resolved'}The reply is resolved.{#else}Done.{/when}")
    String done(String done);

    @Message("{units} characters · {encoding} · {segments} of {max} segments")
    String fits(int units, String encoding, int segments, int max);

    @Message("{units} characters · {encoding} · {segments} segments: at most {max}")
    String tooLong(int units, String encoding, int segments, int max);

    @Message("UCS-2 because of {characters}")
    String ucs2Because(String characters);

    @Message("Write the answer first.")
    String answerBlank();

    @Message("It holds a control character; only line breaks may shape a text.")
    String answerInvalid();

    @Message("It takes {segments} SMS segments with the clinic's name in front: at most {max}.")
    String answerTooLong(int segments, int max);

    @Message("A note holds at most {max} characters.")
    String noteTooLong(int max);

    @Message("It holds a control character; only line breaks may shape a note.")
    String noteInvalid();

    @Message("Not sent: fix the answer below.")
    String refused();
}
