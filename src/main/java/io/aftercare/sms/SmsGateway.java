package io.aftercare.sms;

/**
 * Hands one text to an SMS provider. Implementations make exactly one attempt per call and never throw
 * for a provider's answer: every outcome, including "we cannot tell", comes back as a {@link SendOutcome}.
 */
public interface SmsGateway {

    SendOutcome send(OutgoingSms sms);
}
