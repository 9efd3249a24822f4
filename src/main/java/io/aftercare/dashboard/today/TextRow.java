package io.aftercare.dashboard.today;

import io.aftercare.dashboard.ClinicTimes.ShownTime;
import java.util.UUID;

/**
 * A text as Today lists it.
 *
 * @param client the client's name; empty once the client was erased
 * @param kind PLAN, MANUAL or URGENT_ANSWER
 * @param status the text's status's name
 * @param sent null until the SMS provider accepted it
 * @param error why it failed or expired, in words; null when there is nothing to say or the client was erased
 */
public record TextRow(
        UUID id,
        UUID clientId,
        String client,
        String phone,
        boolean erased,
        ShownTime due,
        String kind,
        String step,
        String status,
        ShownTime sent,
        String error) {

    public boolean held() {
        return "HELD".equals(status);
    }

    public boolean bad() {
        return "FAILED".equals(status) || "EXPIRED".equals(status);
    }

    public boolean good() {
        return "SENT".equals(status) || "DELIVERED".equals(status);
    }
}
