package io.aftercare.plan;

import java.time.ZoneId;
import java.util.regex.Pattern;

/** The time zones a clinic or a client may name: IANA's, as in {@code America/Vancouver}. */
public final class TimeZones {

    /**
     * IANA's syntax. Libraries may register zones of their own with the JVM (ical4j adds {@code ical4j~<uuid>} ids once
     * it reads a calendar), and those are neither stable nor meant for clients.
     */
    private static final Pattern IANA_ID = Pattern.compile("[A-Za-z][A-Za-z0-9+_-]*(/[A-Za-z0-9+_-]+)*");

    private TimeZones() {}

    public static boolean isIana(String id) {
        return id != null
                && IANA_ID.matcher(id).matches()
                && ZoneId.getAvailableZoneIds().contains(id);
    }
}
