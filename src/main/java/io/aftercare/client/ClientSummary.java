package io.aftercare.client;

import java.time.ZoneId;
import java.util.UUID;

/**
 * What a list shows of a client: the name, the number's last digits and the client's time zone.
 *
 * @param lastName null when the clinic gave none
 * @param maskedPhone the last four digits after an ellipsis ({@code …0123}); empty once the client was erased
 * @param erased whether the client was erased: names and number are gone, the zone is kept
 */
public record ClientSummary(
        UUID id, String firstName, String lastName, String maskedPhone, ZoneId zone, boolean erased) {

    static final int DIGITS_SHOWN = 4;

    /** The first name and, if given, the last; empty once the client was erased. */
    public String name() {
        return lastName == null || lastName.isBlank() ? firstName : firstName + " " + lastName;
    }

    static ClientSummary of(Client client) {
        return new ClientSummary(
                client.id,
                client.firstName,
                client.lastName,
                masked(client.phone),
                ZoneId.of(client.timeZone),
                client.erasedAt != null);
    }

    /** Enough of the number to tell two clients of one name apart, not enough to call them. */
    static String masked(String phone) {
        if (phone == null || phone.length() <= DIGITS_SHOWN) {
            return "";
        }
        return "…" + phone.substring(phone.length() - DIGITS_SHOWN);
    }
}
