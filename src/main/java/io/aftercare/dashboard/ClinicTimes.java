package io.aftercare.dashboard;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Shows an instant as the clinic reads it, in the clinic's zone, and adds the client's own time where the client's
 * clock reads differently (a different offset at that instant, not merely a different zone name).
 */
public final class ClinicTimes {

    private ClinicTimes() {}

    /** One instant as shown on a page: {@code <time datetime="{iso}">{clinic}</time>}, then {@code client} if any. */
    public record ShownTime(String iso, String clinic, String client) {

        public boolean differsForClient() {
            return client != null;
        }
    }

    public static ShownTime format(Instant at, ZoneId clinicZone, ZoneId clientZone, Locale locale) {
        ZonedDateTime clinicTime = at.atZone(clinicZone);
        String clinic = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", locale).format(clinicTime);
        String client = null;
        if (clientZone != null && !clientZone.getRules().getOffset(at).equals(clinicTime.getOffset())) {
            ZonedDateTime clientTime = at.atZone(clientZone);
            String pattern = clientTime.toLocalDate().equals(clinicTime.toLocalDate()) ? "HH:mm" : "HH:mm EEE";
            client = DateTimeFormatter.ofPattern(pattern, locale).format(clientTime) + " · " + clientZone.getId();
        }
        return new ShownTime(clinicTime.toOffsetDateTime().toString(), clinic, client);
    }
}
