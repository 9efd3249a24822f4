package io.aftercare.plan;

/** Which sessions a step of the plan follows. */
public enum StepAudience {
    /** Every session, treatment or touch-up. */
    EVERY_SESSION,
    /** Only the last session of a treatment, e.g. the reminder to book the touch-up; never a touch-up itself. */
    FINAL_TREATMENT_SESSION
}
