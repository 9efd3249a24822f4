package io.aftercare.clinic;

import io.aftercare.audit.CurrentActor;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Names the actor of the current request for the audit log, from the request's security identity. */
@ApplicationScoped
class RequestActor implements CurrentActor {

    private final SecurityIdentity identity;

    RequestActor(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public String name() {
        // Jobs, start-up and the dispatcher's sender threads run outside any request.
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        String named = identity.getAttribute(CurrentActor.IDENTITY_ATTRIBUTE);
        if (named != null) {
            return named;
        }
        UUID clinicId = identity.getAttribute(CurrentClinic.CLINIC_ID);
        if (clinicId != null) {
            return CurrentActor.clinic(clinicId);
        }
        return identity.hasRole(Roles.OPERATOR) ? OPERATOR : SYSTEM;
    }
}
