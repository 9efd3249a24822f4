package io.aftercare.sms;

/** How a failed send should be treated; the provider's gateway maps its own error codes to these. */
public enum FailureKind {
    /** The text can never be delivered as it is (invalid or landline number, blocked by the carrier...). */
    PERMANENT,
    /** Worth trying again later (provider overloaded, rate limited, 5xx before the request was processed). */
    TRANSIENT,
    /**
     * The sending account itself is unusable (bad credentials, suspended): stop every clinic's sending, do not burn the
     * queue.
     */
    ACCOUNT,
    /**
     * The sender (number or messaging service) is refused for every text, whatever the destination (unregistered,
     * invalid, no number in its pool): as for the account, stop every clinic's sending.
     */
    SENDER,
    /**
     * The recipient unsubscribed from the sender at the provider (replied STOP to it at some point): the provider
     * refuses every text to the number, from every clinic, until they opt back in.
     */
    RECIPIENT_OPTED_OUT,
    /** The request may or may not have been processed (I/O error or timeout after it was written). */
    UNKNOWN_OUTCOME
}
