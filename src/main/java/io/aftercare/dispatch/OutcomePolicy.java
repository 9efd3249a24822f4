package io.aftercare.dispatch;

import io.aftercare.pause.PauseScope;
import io.aftercare.reminder.ClaimedText;
import io.aftercare.sms.SendOutcome;
import java.time.Instant;

/**
 * What becomes of a claimed text the provider did not take, by the kind of failure alone: the provider's own codes are
 * its gateway's business. The decision is carried out by {@link SendProtocol}.
 */
final class OutcomePolicy {

    /** What to do with the text. */
    sealed interface Action {
        /** Back in the queue until {@code at}; when the outcome is unknown the next try asks the provider first. */
        record RetryAt(Instant at, String error, boolean outcomeUnknown) implements Action {}

        record Fail(String error) implements Action {}

        /** The next try would come after the text's advice stopped applying. */
        record Expire(String error) implements Action {}

        /**
         * The provider refuses the number for the whole sender, so for every clinic: opt it out everywhere, and the
         * text goes back to wait for a START.
         */
        record OptOutRecipient(String source) implements Action {}

        /**
         * The account or the sender itself is refused: stop its sending, so every clinic's, rather than fail the
         * queue text by text.
         */
        record Pause(PauseScope scope, String reason) implements Action {}
    }

    private final RetryBackoff backoff;

    OutcomePolicy(RetryBackoff backoff) {
        this.backoff = backoff;
    }

    Action after(ClaimedText text, SendOutcome.Rejected rejected, Instant now) {
        String error = rejected.code() + ": " + rejected.reason();
        return switch (rejected.kind()) {
            case TRANSIENT -> retryOrStop(text, error, false, now);
            // The next try first asks the provider whether this one got through.
            case UNKNOWN_OUTCOME -> retryOrStop(text, "outcome unknown; " + error, true, now);
            case PERMANENT -> new Action.Fail(error);
            // The opt-out's source, worded as it has always been recorded (only Twilio's gateway reports this kind).
            case RECIPIENT_OPTED_OUT -> new Action.OptOutRecipient("twilio " + rejected.code());
            case ACCOUNT -> new Action.Pause(PauseScope.ACCOUNT, error);
            case SENDER -> new Action.Pause(PauseScope.SENDER, error);
        };
    }

    /** An earlier attempt may have reached the provider, and the provider could not be asked whether it did. */
    Action afterUnconfirmed(ClaimedText text, String reason, Instant now) {
        return retryOrStop(text, "not resent until the provider can confirm it did not take it; " + reason, true, now);
    }

    private Action retryOrStop(ClaimedText text, String error, boolean outcomeUnknown, Instant now) {
        RetryBackoff.Decision decision = backoff.after(text.attempt(), now, text.expiresAt());
        if (decision instanceof RetryBackoff.Decision.RetryAt retry) {
            return new Action.RetryAt(retry.at(), error, outcomeUnknown);
        }
        if (decision instanceof RetryBackoff.Decision.Expire) {
            return new Action.Expire("its advice no longer applied by the next try; " + error);
        }
        return new Action.Fail("gave up after " + text.attempt() + " attempts; " + error);
    }
}
