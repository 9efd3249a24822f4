package io.aftercare.sms;

import io.aftercare.phone.PhoneMask;
import io.quarkus.logging.Log;
import java.time.Instant;
import java.util.UUID;

/** Writes texts to the log instead of sending them: the default when no Twilio account is configured. */
public class ConsoleSmsGateway implements SmsGateway {

    @Override
    public SendOutcome send(OutgoingSms sms) {
        String providerId = "console-" + UUID.randomUUID();
        Log.infof(
                "SMS to %s (reminder %s, %d chars) accepted as %s",
                PhoneMask.mask(sms.to()), sms.reminderId(), sms.body().length(), providerId);
        return new SendOutcome.Accepted(providerId);
    }

    @Override
    public String sender() {
        return "console";
    }

    /** A console send cannot half-happen: there is never anything to find. */
    @Override
    public SentLookup findAccepted(OutgoingSms sms, Instant since) {
        return new SentLookup.NotFound();
    }
}
