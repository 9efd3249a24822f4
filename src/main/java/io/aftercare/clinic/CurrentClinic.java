package io.aftercare.clinic;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** The clinic whose API key authenticated the current request, read from the request's security identity. */
@RequestScoped
public class CurrentClinic {

    /** The identity attribute holding the clinic's id ({@link UUID}); set only for the {@link Roles#CLINIC} role. */
    public static final String CLINIC_ID = "aftercare.clinic-id";

    /** The identity attribute holding the id ({@link UUID}) of the API key that authenticated the request. */
    public static final String API_KEY_ID = "aftercare.api-key-id";

    private final SecurityIdentity identity;

    CurrentClinic(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Whether a clinic's key authenticated this request (false for the admin API and webhooks). */
    public boolean isAuthenticated() {
        return identity.getAttribute(CLINIC_ID) != null;
    }

    public UUID id() {
        UUID id = identity.getAttribute(CLINIC_ID);
        if (id == null) {
            throw new IllegalStateException("No clinic authenticated this request");
        }
        return id;
    }

    public Clinic clinic() {
        return Clinic.findById(id());
    }
}
