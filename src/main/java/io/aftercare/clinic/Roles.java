package io.aftercare.clinic;

/** The roles an API key authenticates as; resources name them in {@code @RolesAllowed}. */
public final class Roles {

    /** A clinic's own key: the clinic API under {@code /v1}, scoped to that clinic. */
    public static final String CLINIC = "clinic";

    /** The operator's admin key: the admin API under {@code /admin/v1}. */
    public static final String OPERATOR = "operator";

    private Roles() {}
}
