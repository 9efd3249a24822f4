package io.aftercare.sms;

import java.time.Instant;

/**
 * Hands one text to an SMS provider. Implementations make exactly one attempt per call and never throw
 * for a provider's answer: every outcome, including "we cannot tell", comes back as a {@link SendOutcome}.
 */
public interface SmsGateway {

    SendOutcome send(OutgoingSms sms);

    /** The sender texts leave from (a number, a messaging service): the unit of the provider's rate limit. */
    String sender();

    /**
     * The provider account texts are sent through, as an account-wide pause names it; nothing secret. One account
     * sends for every clinic, so a sender without accounts of its own names itself.
     */
    default String account() {
        return sender();
    }

    /**
     * Whether the provider accepted this text (same recipient, same body) at or after {@code since}: asked before
     * sending again a text whose previous attempt has an unknown outcome.
     */
    SentLookup findAccepted(OutgoingSms sms, Instant since);
}
