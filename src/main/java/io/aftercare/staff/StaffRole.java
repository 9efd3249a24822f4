package io.aftercare.staff;

/**
 * What a dashboard user may do. The security role names differ from the API keys' ({@code clinic}, {@code operator}) on
 * purpose: a session identity can never satisfy an API resource's {@code @RolesAllowed}, whatever the path rules say.
 */
public enum StaffRole {
    /** A clinic's front desk or artist: reads and acts on the clinic's texts and replies. */
    STAFF(StaffRole.STAFF_ROLE),
    /** A clinic's manager: what staff do, plus the clinic's settings, keys and staff. */
    MANAGER(StaffRole.MANAGER_ROLE),
    /** The operator's people: every clinic, read-only. */
    OPERATOR(StaffRole.OPERATOR_ROLE);

    /** Security role of {@link #STAFF} (and of managers, who can do what staff do). */
    public static final String STAFF_ROLE = "clinic-staff";

    /** Security role of {@link #MANAGER}. */
    public static final String MANAGER_ROLE = "clinic-manager";

    /** Security role of {@link #OPERATOR}. */
    public static final String OPERATOR_ROLE = "operator-staff";

    private final String securityRole;

    StaffRole(String securityRole) {
        this.securityRole = securityRole;
    }

    String securityRole() {
        return securityRole;
    }
}
