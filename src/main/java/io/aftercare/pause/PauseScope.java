package io.aftercare.pause;

/**
 * What a pause stops. The service sends through one SMS account and one sender (number or Messaging Service), so an
 * account or sender pause stops every clinic's sending at once.
 */
public enum PauseScope {
    /** One clinic's sending. */
    CLINIC,
    /** The SMS account itself is refused (credentials, suspension): no clinic can send. */
    ACCOUNT,
    /** The sender is refused for every text (unregistered, invalid, no number in its pool): no clinic can send. */
    SENDER
}
