package io.aftercare.plan;

/** Which sessions a step of the plan follows. */
public enum StepAudience {
    /** Every session, treatment or touch-up. */
    EVERY_SESSION,
    /** Only the last session of a treatment, e.g. the reminder to book the touch-up; never a touch-up itself. */
    FINAL_TREATMENT_SESSION,
    /**
     * No session: never scheduled. The plan's answer to a client's reply that triage found urgent, sent at once, e.g.
     * the {@value AftercarePlan#URGENT_ANSWER} step.
     */
    URGENT_REPLY
}
