package io.aftercare.reminder;

import java.util.Set;

/** Where a text is in its life. */
public enum ReminderStatus {
    /** Waiting for its due time. */
    SCHEDULED,
    /** Claimed by a dispatcher and being handed to the SMS provider. */
    SENDING,
    /** Accepted by the SMS provider. */
    SENT,
    /** The provider reported delivery to the handset. */
    DELIVERED,
    /** Could not be sent or delivered; {@code error} says why. */
    FAILED,
    /** Withdrawn by the clinic before it went out. */
    CANCELLED,
    /** Its advice no longer applied when the session was posted, so it was never sent. */
    SKIPPED,
    /** A later session of the same client replaced it before it went out. */
    SUPERSEDED,
    /** Could not go out while its advice still applied. */
    EXPIRED,
    /** Kept back because the client opted out; resumes on opt-in if still relevant. */
    HELD;

    /** Statuses of texts that have not gone out and still may. */
    public static final Set<ReminderStatus> PENDING = Set.of(SCHEDULED, HELD);
}
