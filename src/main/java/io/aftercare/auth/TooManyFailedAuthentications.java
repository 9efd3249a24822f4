package io.aftercare.auth;

import io.quarkus.security.AuthenticationException;
import java.time.Duration;

/** The request's address failed authentication too often lately; it is answered 429 without its key being checked. */
final class TooManyFailedAuthentications extends SecurityException implements AuthenticationException {

    private final transient Duration retryAfter;

    TooManyFailedAuthentications(Duration retryAfter) {
        super("Too many failed authentications from this address");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
