package io.aftercare.page;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The pages' own words, in English here and in French in {@code messages/labels_fr.properties}. A Qute type-safe
 * message bundle rather than a labels file: the build fails when a template names a label that does not exist or
 * passes it the wrong values, and the template instance's locale picks the language.
 */
@MessageBundle(value = "labels", locale = "en")
public interface PageLabels {

    @Message("Your aftercare, {clinicName}")
    String title(String clinicName);

    @Message("{firstName}, your aftercare")
    String heading(String firstName);

    @Message("Your session was on {date}. Here is how to look after your scalp while it heals.")
    String intro(String date);

    @Message("Call {phone}")
    String call(String phone);

    @Message("Today is day {day}: {title}")
    String todayIs(long day, String title);

    @Message("Add the remaining steps to my calendar")
    String addToCalendar();

    @Message("A calendar file (.ics) with a reminder for each step still to come.")
    String calendarHint();

    @Message("Day by day")
    String timeline();

    @Message("Today")
    String today();

    @Message("Day {day}")
    String day(int day);

    @Message("Days {from} to {to}")
    String days(int from, int to);

    @Message("From day {from}")
    String fromDay(int from);

    @Message("{from} to {to}")
    String dateRange(String from, String to);

    @Message("starting {from}")
    String dateFrom(String from);

    @Message("Do")
    String toDo();

    @Message("Avoid")
    String avoid();

    @Message("In your clinic's words")
    String clinicWords();

    @Message("What to do")
    String whatToDo();

    @Message("Your touch-up is due around {date}.")
    String touchUpDate(String date);

    @Message("Your next session")
    String nextSession();

    @Message("{date} at {time}")
    String dateAtTime(String date, String time);

    @Message("This page is yours: please do not share its link.")
    String privateLink();

    @Message("This aftercare has ended")
    String endedTitle();

    @Message("The aftercare of this session is over. For any question, please contact your clinic.")
    String endedText();

    @Message("This session was cancelled")
    String cancelledTitle();

    @Message("Your clinic cancelled this session, so its aftercare page is closed. Please contact your clinic.")
    String cancelledText();

    @Message("No steps left")
    String noStepsLeftTitle();

    @Message("Every step of your aftercare has passed: there is nothing left to add to your calendar.")
    String noStepsLeftText();

    @Message("Page not found")
    String notFoundTitle();

    @Message("This link does not open an aftercare page. Check the link in your text message, or contact your clinic.")
    String notFoundText();

    @Message("Too many requests")
    String tooManyTitle();

    @Message("Please wait a minute, then try again.")
    String tooManyText();

    @Message("Something went wrong")
    String failedTitle();

    @Message("The page could not be shown. Please try again shortly.")
    String failedText();
}
