package io.aftercare.dispatch;

import io.aftercare.config.AftercareConfig;
import io.aftercare.db.DatabaseClock;
import io.aftercare.observability.MdcScope;
import io.aftercare.problem.RedactedFailure;
import io.aftercare.reminder.ClaimedText;
import io.aftercare.reminder.SendOutcomes;
import io.aftercare.sms.FailureKind;
import io.aftercare.sms.OutgoingSms;
import io.aftercare.sms.SendOutcome;
import io.aftercare.sms.SentLookup;
import io.aftercare.sms.SmsGateway;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends one claimed text: waits for its rate slot, re-checks the client's quiet hours, asks the provider first when an
 * earlier attempt may have reached it, renews a claim that ran short, calls the gateway, and hands the outcome to
 * {@link AttemptOutcomes}. Every write is fenced by the claim, so a node that lost it changes nothing.
 */
// Created at start-up, so that a claim lease its requests could outlast stops the service there (ClaimRenewal).
// Over 150 lines: one text's send from slot to recorded outcome, each step commented; the clock-safe wait added the
// last lines.
@Startup
@ApplicationScoped
class SendProtocol {

    private final SmsGateway gateway;
    private final SendOutcomes outcomes;
    private final AttemptOutcomes attemptOutcomes;
    private final ClaimRenewal renewal;
    private final Duration lease;
    private final DatabaseClock clock;
    private volatile boolean stopping;

    SendProtocol(
            SmsGateway gateway,
            SendOutcomes outcomes,
            AttemptOutcomes attemptOutcomes,
            AftercareConfig config,
            DatabaseClock clock) {
        this.gateway = gateway;
        this.outcomes = outcomes;
        this.attemptOutcomes = attemptOutcomes;
        this.lease = config.dispatch().claimLease();
        this.renewal = ClaimRenewal.of(
                lease, config.twilio().connectTimeout(), config.twilio().responseTimeout());
        this.clock = clock;
    }

    /** Sends {@code text} at {@code slot} or, past it, at once; every line logged meanwhile names the text. */
    void sendAt(ClaimedText text, Instant slot) {
        try (MdcScope scope = MdcScope.of(MdcScope.CLINIC_ID, text.clinicId())
                .and(MdcScope.REMINDER_ID, text.reminderId())
                .and(MdcScope.NODE, text.claimedBy())) {
            waitThenSend(text, slot);
        }
    }

    private void waitThenSend(ClaimedText text, Instant slot) {
        long wait = waitMillis(clock.instant(), slot, text.leaseEnds().minus(lease));
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcomes.release(text, clock.instant());
                return;
            }
        }
        send(text);
    }

    /**
     * How long a text claimed at {@code claimedAt} waits for its {@code slot}: never longer than the slot lay ahead when
     * it was claimed (up to a window). A clock that stepped back since the claim would otherwise hold the sender, and
     * every run after it, for as long as the clock went back, up to the whole lease.
     */
    static long waitMillis(Instant now, Instant slot, Instant claimedAt) {
        long untilSlot = Duration.between(now, slot).toMillis();
        long aheadAtClaim = Math.max(0, Duration.between(claimedAt, slot).toMillis());
        return Math.min(untilSlot, aheadAtClaim);
    }

    private void send(ClaimedText text) {
        if (stopping) {
            // Not started yet: hand it back now rather than leave it claimed until the lease runs out.
            outcomes.release(text, clock.instant());
            return;
        }
        Instant now = clock.instant();
        Optional<Instant> morning = text.quietHours()
                .map(quiet -> quiet.nextAllowed(now, text.clientZone()))
                .filter(allowed -> allowed.isAfter(now));
        if (morning.isPresent()) {
            // Handed back by a retry, a release or a resume at night: it waits for the end of the quiet hours.
            outcomes.postpone(text, morning.get(), now);
            return;
        }
        OutgoingSms sms = new OutgoingSms(text.reminderId(), text.to(), text.body());
        SendOutcome outcome =
                text.unknownSince().isPresent() ? checkThenSend(text, sms) : attemptWhileClaimed(text, sms);
        if (outcome != null && !attemptOutcomes.record(text, outcome)) {
            Log.warnf(
                    "Claim on reminder %s (attempt %d) was lost before its outcome was recorded",
                    text.reminderId(), text.attempt());
        }
    }

    /**
     * An earlier attempt may have reached the provider (its connection broke, or its node died mid-send): ask before
     * sending again, so that the client is not texted twice.
     */
    private SendOutcome checkThenSend(ClaimedText text, OutgoingSms sms) {
        SentLookup lookup = gateway.findAccepted(sms, text.unknownSince().get());
        Optional<String> accepted = lookup instanceof SentLookup.Found found
                ? found.providerIds().stream()
                        .filter(providerId -> !outcomes.isRecorded(providerId))
                        .findFirst()
                : Optional.empty();
        if (accepted.isPresent()) {
            Log.infof("Reminder %s had been accepted already as %s; not sent again", text.reminderId(), accepted.get());
            return new SendOutcome.Accepted(accepted.get());
        }
        if (lookup instanceof SentLookup.Unavailable unavailable) {
            Log.infof("Reminder %s not resent yet: %s", text.reminderId(), unavailable.reason());
            attemptOutcomes.unconfirmed(text, unavailable.reason());
            return null;
        }
        return attemptWhileClaimed(text, sms);
    }

    /**
     * The claim must still be this node's when the request reaches the provider: a text that waited until its lease ran
     * short is renewed first, and not sent when the claim was lost meanwhile.
     *
     * @return null when the claim was lost: its new owner has the text
     */
    private SendOutcome attemptWhileClaimed(ClaimedText text, OutgoingSms sms) {
        Instant now = clock.instant();
        if (renewal.needed(text, now) && !outcomes.renew(text, now, lease)) {
            Log.warnf(
                    "Claim on reminder %s (attempt %d) ran out before it could be sent; left to its new owner",
                    text.reminderId(), text.attempt());
            return null;
        }
        try {
            return gateway.send(sms);
        } catch (RuntimeException e) {
            Log.errorf(RedactedFailure.of(e), "SMS gateway failed on reminder %s", sms.reminderId());
            return new SendOutcome.Rejected(
                    FailureKind.UNKNOWN_OUTCOME, "gateway", e.getClass().getSimpleName());
        }
    }

    /** From now on, texts not yet started are handed back rather than sent. */
    void stop() {
        stopping = true;
    }
}
