package io.aftercare.plan.lint;

/** What a plan's text can break; each {@link LintFinding} names one. */
public enum LintRule {
    /** The text names a value a text cannot mention; it would not render for a client. */
    UNKNOWN_VALUE,
    /** The text cannot be rendered at all, e.g. a clinic's wording its sandbox refuses. */
    DOES_NOT_RENDER,
    /** Rendered with long names, the text has more characters than the profile allows. */
    TOO_LONG,
    /** Rendered with long names, the text takes more than one SMS segment: each one is billed. */
    MORE_THAN_ONE_SEGMENT,
    /** A client would get more texts on one day than the profile allows. */
    TOO_MANY_A_DAY,
    /** A client would get more texts within seven days than the profile allows. */
    TOO_MANY_A_WEEK,
    /** The first text a client gets after a session does not say how to opt out. */
    NO_OPT_OUT,
    /** The step falls due inside the clinic's quiet hours, so it never goes out when the plan says. */
    IN_QUIET_HOURS
}
