package io.aftercare.twilio;

import io.aftercare.optout.OptOuts;
import io.aftercare.pause.PauseScope;
import io.aftercare.pause.SendingPauses;
import io.aftercare.phone.PhoneMask;
import io.aftercare.phone.PhoneNumbers;
import io.aftercare.reminder.ProviderReceipts;
import io.aftercare.reminder.ReminderStatus;
import io.aftercare.sms.SmsGateway;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Twilio's status callbacks into the state of the texts they are about, and acts on their error code as on the
 * same code answered at send time ({@link TwilioFailures#CODES}): 21610 opts the number out, an account or sender code
 * pauses every clinic's sending at once.
 */
@ApplicationScoped
class TwilioStatusReports {

    /** How far along a message is; Twilio gives no ordering promise, so the furthest report wins. */
    private record Progress(int rank, Optional<ReminderStatus> finalStatus) {}

    private static final Map<String, Progress> PROGRESS = Map.of(
            "accepted", new Progress(0, Optional.empty()),
            "scheduled", new Progress(0, Optional.empty()),
            "queued", new Progress(0, Optional.empty()),
            "sending", new Progress(1, Optional.empty()),
            "sent", new Progress(2, Optional.empty()),
            "delivered", new Progress(3, Optional.of(ReminderStatus.DELIVERED)),
            "undelivered", new Progress(3, Optional.of(ReminderStatus.FAILED)),
            "failed", new Progress(3, Optional.of(ReminderStatus.FAILED)),
            "canceled", new Progress(3, Optional.of(ReminderStatus.FAILED)));

    private final ProviderReceipts receipts;
    private final OptOuts optOuts;
    private final SendingPauses pauses;
    private final SmsGateway gateway;
    private final Clock clock;

    TwilioStatusReports(
            ProviderReceipts receipts, OptOuts optOuts, SendingPauses pauses, SmsGateway gateway, Clock clock) {
        this.receipts = receipts;
        this.optOuts = optOuts;
        this.pauses = pauses;
        this.gateway = gateway;
        this.clock = clock;
    }

    /**
     * Records one callback, with what its error code means, in one transaction: a failure to record it answers an
     * error, and Twilio's retry finds nothing half done.
     *
     * @param to the callback's {@code To}: the number opted out on a 21610 for a sid no text carries yet
     */
    @Transactional
    void record(String messageSid, String messageStatus, String errorCode, String to) {
        Progress progress = messageStatus == null ? null : PROGRESS.get(messageStatus);
        if (messageSid == null || progress == null) {
            Log.debugf("Ignored a status callback for %s with status %s", messageSid, messageStatus);
            return;
        }
        String error = progress.finalStatus()
                .filter(ReminderStatus.FAILED::equals)
                .map(failed -> TwilioFailures.describe(errorCode) + " (" + messageStatus + ")")
                .orElse(null);
        Optional<String> recipient = receipts.record(
                messageSid, messageStatus, progress.rank(), progress.finalStatus(), error, clock.instant());
        Log.debugf(
                "Status %s for %s %s",
                messageStatus, messageSid, recipient.isPresent() ? "recorded" : "kept until its text is recorded");
        TwilioFailures.known(errorCode).ifPresent(known -> actOn(known, errorCode.strip(), recipient, to));
    }

    private void actOn(TwilioFailures.Known known, String code, Optional<String> recipient, String to) {
        String reason = code + ": " + known.reason();
        switch (known.kind()) {
            case RECIPIENT_OPTED_OUT ->
                // The text's own number; for a report ahead of its text, the number Twilio signed it for.
                recipient
                        .or(() -> e164(to))
                        .filter(phone -> !phone.isBlank())
                        .ifPresentOrElse(
                                phone -> optOuts.optOut(phone, Optional.empty(), "twilio " + code),
                                () -> Log.warnf("A %s receipt named no number to opt out", code));
            case ACCOUNT -> pauses.pause(PauseScope.ACCOUNT, gateway.account(), reason);
            case SENDER -> pauses.pause(PauseScope.SENDER, gateway.sender(), reason);
            default -> {
                // The text failed (recorded above); nothing more to stop.
            }
        }
    }

    private static Optional<String> e164(String to) {
        if (to == null || to.isBlank()) {
            return Optional.empty();
        }
        PhoneNumbers.Parsed parsed = PhoneNumbers.any(to, null);
        if (!parsed.valid()) {
            Log.debugf("A receipt's To %s is not a phone number", PhoneMask.mask(to));
            return Optional.empty();
        }
        return Optional.of(parsed.e164());
    }
}
