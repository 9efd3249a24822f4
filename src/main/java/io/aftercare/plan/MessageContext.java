package io.aftercare.plan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a message template can mention, besides the date of its own step.
 *
 * @param treatmentContinues true after a treatment session that is not the last one, so the client comes back
 * @param sessionDate the client-local date of the session
 * @param nextSessionDate the earliest date of the next session, given the plan's spacing
 * @param pageLink the link to the client's aftercare page; null when the session has none
 */
public record MessageContext(
        String firstName,
        String clinicName,
        String clinicPhone,
        boolean treatmentContinues,
        Locale locale,
        LocalDate sessionDate,
        LocalDate nextSessionDate,
        String pageLink) {

    /** A context without a page link. */
    public MessageContext(
            String firstName,
            String clinicName,
            String clinicPhone,
            boolean treatmentContinues,
            Locale locale,
            LocalDate sessionDate,
            LocalDate nextSessionDate) {
        this(firstName, clinicName, clinicPhone, treatmentContinues, locale, sessionDate, nextSessionDate, null);
    }

    /** The names a text may mention, in the order the API documents them. */
    public static final Set<String> VALUE_NAMES = Set.of(
            "firstName",
            "clinicName",
            "clinicPhone",
            "treatmentContinues",
            "sessionDate",
            "nextSessionDate",
            "stepDate",
            "pageLink");

    /** Longer names than most, for checking that a template fits in its segments for nearly every client. */
    public static MessageContext sample(Locale locale, String clinicName, String clinicPhone) {
        LocalDate date = LocalDate.of(2026, 12, 31);
        return new MessageContext("Maximilianne-Jo", clinicName, clinicPhone, true, locale, date, date.plusDays(10));
    }

    /** The same client called by another (shorter) form of their name. */
    public MessageContext withFirstName(String name) {
        return new MessageContext(
                name, clinicName, clinicPhone, treatmentContinues, locale, sessionDate, nextSessionDate, pageLink);
    }

    /** The same client, with the link to their aftercare page. */
    public MessageContext withPageLink(String link) {
        return new MessageContext(
                firstName, clinicName, clinicPhone, treatmentContinues, locale, sessionDate, nextSessionDate, link);
    }

    /** The same client after the last session of their treatment: nothing more to come back for. */
    public MessageContext afterLastSession() {
        return new MessageContext(
                firstName, clinicName, clinicPhone, false, locale, sessionDate, nextSessionDate, pageLink);
    }

    /** Every value a text may mention, dates written the way the client's language writes them. */
    public Map<String, Object> values(LocalDate stepDate) {
        DateTimeFormatter dates =
                DateTimeFormatter.ofPattern("en".equals(locale.getLanguage()) ? "MMMM d" : "d MMMM", locale);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("firstName", firstName);
        values.put("clinicName", clinicName);
        // An absent phone is an empty text, so "{#if clinicPhone}" reads as a test of whether the clinic has one.
        values.put("clinicPhone", clinicPhone == null ? "" : clinicPhone);
        values.put("treatmentContinues", treatmentContinues);
        values.put("sessionDate", dates.format(sessionDate));
        values.put("nextSessionDate", dates.format(nextSessionDate));
        values.put("stepDate", dates.format(stepDate));
        values.put("pageLink", pageLink == null ? "" : pageLink);
        return values;
    }
}
