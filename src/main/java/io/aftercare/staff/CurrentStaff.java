package io.aftercare.staff;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/** The dashboard user signed in on the current request, read from the session's security identity. */
@RequestScoped
public class CurrentStaff {

    /** The identity attribute holding the user's id ({@link UUID}). */
    public static final String STAFF_ID = "aftercare.staff-id";

    /** The identity attribute holding the user's clinic ({@link UUID}); absent for operator users. */
    public static final String CLINIC_ID = "aftercare.staff-clinic-id";

    /** The identity attribute holding the user's display name. */
    public static final String DISPLAY_NAME = "aftercare.staff-display-name";

    private final SecurityIdentity identity;

    CurrentStaff(SecurityIdentity identity) {
        this.identity = identity;
    }

    public UUID id() {
        UUID id = identity.getAttribute(STAFF_ID);
        if (id == null) {
            throw new IllegalStateException("No staff user is signed in on this request");
        }
        return id;
    }

    /** The clinic every page and action of this user is scoped to; empty for the operator's users. */
    public Optional<UUID> clinicId() {
        return Optional.ofNullable(identity.getAttribute(CLINIC_ID));
    }

    public String displayName() {
        return identity.getAttribute(DISPLAY_NAME);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
