package io.aftercare.webhook;

import java.time.Instant;

/**
 * What one attempt came to: the receiver's HTTP status, or why there was none ({@code TIMEOUT}, {@code CONNECTION},
 * {@code TLS}, {@code DNS}, {@code FORBIDDEN_ADDRESS}, {@code INVALID_URL}).
 *
 * @param statusCode 0 when the receiver did not answer
 * @param error empty when it did
 */
record AttemptResult(int statusCode, String error, Instant at, long durationMs) {

    static AttemptResult answered(int statusCode, Instant at, long durationMs) {
        return new AttemptResult(statusCode, "", at, durationMs);
    }

    static AttemptResult noAnswer(String error, Instant at, long durationMs) {
        return new AttemptResult(0, error, at, durationMs);
    }

    boolean delivered() {
        return statusCode >= 200 && statusCode < 300;
    }

    /** The receiver says the endpoint is gone for good: it is disabled rather than retried. */
    boolean gone() {
        return statusCode == 410;
    }
}
