package io.aftercare.reminder;

/** Where a text comes from. */
public enum TextKind {
    /** A step of the plan, scheduled for a session. */
    PLAN,
    /** The clinic's own words to a client ({@code POST /v1/clients/{clientId}/messages}). */
    MANUAL,
    /** The plan's safety text, sent at once to a client whose reply triage found urgent. */
    URGENT_ANSWER
}
