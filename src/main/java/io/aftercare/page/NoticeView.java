package io.aftercare.page;

/**
 * A short page instead of the aftercare: the link ended, its session was cancelled, it opens nothing, or it was
 * followed too often.
 *
 * @param clinic the clinic to contact; null when no session is known (not found, too many requests, failure)
 */
record NoticeView(String language, Kind kind, ClinicContact clinic) {

    enum Kind {
        NOT_FOUND(404),
        ENDED(410),
        CANCELLED(410),
        /** The page is open, but its calendar would have no step left in it. */
        NO_STEPS_LEFT(404),
        TOO_MANY(429),
        FAILED(500);

        final int status;

        Kind(int status) {
            this.status = status;
        }
    }
}
