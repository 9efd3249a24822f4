package io.aftercare.reminder;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a text is in its life, and which status may follow which: the reminder package is the only writer of a
 * text's status, and {@code ReminderTransitionsTest} checks every change its statements make against
 * {@link #allowedNext()}.
 *
 * <pre>
 *   recorded as SCHEDULED, HELD (number opted out), SKIPPED or SUPERSEDED (see {@link #INITIAL})
 *   SCHEDULED ─claim→ SENDING ─accepted→ SENT ─provider's report→ DELIVERED | FAILED
 *   SENDING ─retry, release, postpone, lease ran out→ SCHEDULED, or what happened meanwhile: CANCELLED,
 *            SUPERSEDED, HELD ({@link WaitingStatus})
 *   SENDING ─permanent error, attempts used up→ FAILED;  ─past its advice→ EXPIRED
 *   SCHEDULED ⇄ HELD (opt-out, opt-in); HELD ─opt-in too late→ SKIPPED;  SCHEDULED ─past its advice→ EXPIRED
 *   SCHEDULED, HELD ─cancel, erase→ CANCELLED;  ─a later session→ SUPERSEDED
 * </pre>
 */
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

    /** The statuses a text may be recorded with when its session is posted. */
    public static final Set<ReminderStatus> INITIAL = Set.of(SCHEDULED, HELD, SKIPPED, SUPERSEDED);

    /** The statuses a text in this one may move to; none for a final status. */
    public Set<ReminderStatus> allowedNext() {
        return switch (this) {
            case SCHEDULED -> EnumSet.of(SENDING, HELD, CANCELLED, SUPERSEDED, EXPIRED);
            case HELD -> EnumSet.of(SCHEDULED, SKIPPED, CANCELLED, SUPERSEDED);
            // Handed back to the queue, it takes what was decided while it was in flight (WaitingStatus).
            case SENDING -> EnumSet.of(SENT, FAILED, EXPIRED, SCHEDULED, CANCELLED, SUPERSEDED, HELD);
            // The provider's later word on a text it accepted.
            case SENT -> EnumSet.of(DELIVERED, FAILED);
            case DELIVERED, FAILED, CANCELLED, SKIPPED, SUPERSEDED, EXPIRED -> EnumSet.noneOf(ReminderStatus.class);
        };
    }

    /** Whether a text in this status has reached the end of its life. */
    public boolean isFinal() {
        return allowedNext().isEmpty();
    }
}
