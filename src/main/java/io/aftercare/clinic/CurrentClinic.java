package io.aftercare.clinic;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** The clinic whose API key authenticated the current request. */
@RequestScoped
public class CurrentClinic {

    private UUID id;

    void authenticatedAs(UUID clinicId) {
        this.id = clinicId;
    }

    /** Whether a clinic's key authenticated this request (false for the admin API and webhooks). */
    public boolean isAuthenticated() {
        return id != null;
    }

    public UUID id() {
        if (id == null) {
            throw new IllegalStateException("No clinic authenticated this request");
        }
        return id;
    }

    public Clinic clinic() {
        return Clinic.findById(id());
    }
}
