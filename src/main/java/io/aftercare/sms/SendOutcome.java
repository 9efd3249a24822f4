package io.aftercare.sms;

/** What became of one send attempt. */
public sealed interface SendOutcome {

    /** The provider took the text; {@code providerId} is its message id (Twilio's {@code SM...} SID). */
    record Accepted(String providerId) implements SendOutcome {}

    /**
     * The provider did not take the text, or we cannot tell whether it did.
     *
     * @param kind how the dispatcher should react
     * @param code the provider's error code, or an HTTP status or {@code "io"} when it gave none
     * @param reason a readable reason, free of phone numbers and message bodies
     */
    record Rejected(FailureKind kind, String code, String reason) implements SendOutcome {}
}
