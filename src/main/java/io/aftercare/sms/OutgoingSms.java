package io.aftercare.sms;

import io.aftercare.phone.PhoneMask;
import java.util.UUID;

/**
 * One text to send.
 *
 * @param reminderId the reminder it carries, for correlation with delivery receipts
 * @param to the recipient in E.164
 * @param body the rendered text
 */
public record OutgoingSms(UUID reminderId, String to, String body) {

    @Override
    public String toString() {
        return "OutgoingSms[reminderId=" + reminderId + ", to=" + PhoneMask.mask(to) + ", body=<" + body.length()
                + " chars>]";
    }
}
