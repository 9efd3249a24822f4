package io.aftercare.staff;

/** Where a dashboard user stands, as the staff list shows it. */
public enum StaffState {
    /** Invited; the link has not been used and is still valid. */
    INVITED,
    /** Invited, but the link is past its 72 hours: a new one is needed. */
    INVITATION_EXPIRED,
    /** Has a password and may sign in. */
    ACTIVE,
    /** Has a password, but too many wrong ones in a row lock the account for now. */
    LOCKED,
    /** Removed from the clinic: no password, no live link, no session; a new invitation brings them back. */
    REMOVED
}
