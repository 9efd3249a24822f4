package io.aftercare.session;

public enum SessionStatus {
    ACTIVE,
    /** Posted by mistake and withdrawn by the clinic: its pending texts were cancelled. */
    CANCELLED
}
