package io.aftercare.dispatch;

import io.aftercare.config.AftercareConfig;
import io.aftercare.db.DatabaseClock;
import io.aftercare.observability.DispatchMetrics;
import io.aftercare.observability.TextMetrics;
import io.aftercare.optout.OptOuts;
import io.aftercare.pause.PauseScope;
import io.aftercare.pause.SendingPauses;
import io.aftercare.phone.PhoneMask;
import io.aftercare.reminder.ClaimedText;
import io.aftercare.reminder.SendOutcomes;
import io.aftercare.sms.FailureKind;
import io.aftercare.sms.SendOutcome;
import io.aftercare.sms.SmsGateway;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Records how an attempt ended: a sent text through the batching {@link SentRecorder}, anything else as
 * {@link OutcomePolicy} decides (retried, failed, expired, or handed back while its number is opted out or sending is
 * paused).
 */
// Created at start-up, so that the sent-recorder's thread runs, and is watched by the health check, from the start.
@Startup
@ApplicationScoped
class AttemptOutcomes {

    private final SendOutcomes outcomes;
    private final OptOuts optOuts;
    private final SendingPauses pauses;
    private final OutcomePolicy policy;
    private final SmsGateway gateway;
    private final DatabaseClock clock;
    private final TextMetrics textMetrics;
    private final DispatchMetrics dispatchMetrics;
    // Closed by the dispatcher once its senders have stopped (Dispatcher#stop), never before them.
    private final SentRecorder sentRecorder;

    AttemptOutcomes(
            SendOutcomes outcomes,
            OptOuts optOuts,
            SendingPauses pauses,
            SmsGateway gateway,
            AftercareConfig config,
            DatabaseClock clock,
            TextMetrics textMetrics,
            DispatchMetrics dispatchMetrics) {
        this.outcomes = outcomes;
        this.textMetrics = textMetrics;
        this.dispatchMetrics = dispatchMetrics;
        this.optOuts = optOuts;
        this.pauses = pauses;
        this.gateway = gateway;
        this.policy = new OutcomePolicy(RetryBackoff.from(config.dispatch()));
        this.clock = clock;
        this.sentRecorder = new SentRecorder(outcomes, textMetrics);
    }

    /** @return false when the claim had been lost, and so nothing was recorded */
    boolean record(ClaimedText text, SendOutcome outcome) {
        Instant now = clock.instant();
        if (outcome instanceof SendOutcome.Accepted accepted) {
            Log.debugf(
                    "Reminder %s sent to %s as %s",
                    text.reminderId(), PhoneMask.mask(text.to()), accepted.providerId());
            return sentRecorder.record(text, accepted.providerId(), now);
        }
        SendOutcome.Rejected rejected = (SendOutcome.Rejected) outcome;
        if (rejected.kind() != FailureKind.RECIPIENT_OPTED_OUT) {
            Log.infof(
                    "Reminder %s not sent (%s, attempt %d): %s",
                    text.reminderId(), rejected.kind(), text.attempt(), rejected.code() + ": " + rejected.reason());
        }
        try (TextMetrics.Scope failing = textMetrics.failingAs(rejected.kind())) {
            return carryOut(text, policy.after(text, rejected, now), now);
        }
    }

    /** An earlier attempt may have reached the provider, which could not be asked: the text is not sent this time. */
    void unconfirmed(ClaimedText text, String reason) {
        Instant now = clock.instant();
        try (TextMetrics.Scope failing = textMetrics.failingAs(FailureKind.UNKNOWN_OUTCOME)) {
            carryOut(text, policy.afterUnconfirmed(text, reason, now), now);
        }
    }

    private boolean carryOut(ClaimedText text, OutcomePolicy.Action action, Instant now) {
        if (action instanceof OutcomePolicy.Action.RetryAt retry) {
            boolean recorded = outcomes.retryLater(text, retry.error(), retry.at(), retry.outcomeUnknown(), now);
            if (recorded) {
                dispatchMetrics.retried();
            }
            return recorded;
        }
        if (action instanceof OutcomePolicy.Action.Fail fail) {
            return outcomes.recordFailed(text, fail.error(), now);
        }
        if (action instanceof OutcomePolicy.Action.Expire expire) {
            return outcomes.recordExpired(text, expire.error(), now);
        }
        if (action instanceof OutcomePolicy.Action.OptOutRecipient optOut) {
            optOuts.optOut(text.to(), Optional.empty(), optOut.source());
        } else if (action instanceof OutcomePolicy.Action.Pause pause) {
            pauses.pause(pause.scope(), scopeKey(pause.scope()), pause.reason());
        }
        // The text waits: for the number's START, or for sending to resume.
        return outcomes.release(text, now);
    }

    private String scopeKey(PauseScope scope) {
        return scope == PauseScope.ACCOUNT ? gateway.account() : gateway.sender();
    }

    /** Whether the thread that records sent texts still runs. */
    boolean recorderAlive() {
        return sentRecorder.isAlive();
    }

    /** Writes what the senders handed over, then stops recording; call once the senders have stopped. */
    void closeRecorder(Duration wait) throws InterruptedException {
        sentRecorder.close(wait);
    }
}
