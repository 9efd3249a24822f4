package io.aftercare.sms;

/** How a failed send should be treated. */
public enum FailureKind {
    /** The text can never be delivered as it is (invalid or landline number, unsubscribed recipient...). */
    PERMANENT,
    /** Worth trying again later (provider overloaded, rate limited, 5xx before the request was processed). */
    TRANSIENT,
    /** The sending account itself is unusable (bad credentials, suspended): stop sending, do not burn the queue. */
    ACCOUNT,
    /** The request may or may not have been processed (I/O error or timeout after it was written). */
    UNKNOWN_OUTCOME
}
