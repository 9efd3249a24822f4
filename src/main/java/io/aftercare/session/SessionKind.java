package io.aftercare.session;

/** What the clinic did in the session. */
public enum SessionKind {
    /** One of the two or three sessions that build up the pigment. */
    TREATMENT,
    /** The follow-up session about two months after the last treatment session. */
    TOUCH_UP
}
