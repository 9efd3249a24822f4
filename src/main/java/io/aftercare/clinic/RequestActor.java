package io.aftercare.clinic;

import io.aftercare.audit.CurrentActor;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** Names the actor of the current request for the audit log, from how the request was authenticated. */
@ApplicationScoped
class RequestActor implements CurrentActor {

    private final CurrentClinic clinic;
    private final CurrentVertxRequest request;

    RequestActor(CurrentClinic clinic, CurrentVertxRequest request) {
        this.clinic = clinic;
        this.request = request;
    }

    @Override
    public String name() {
        // Jobs, start-up and the dispatcher's sender threads run outside any request.
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        if (clinic.isAuthenticated()) {
            return CurrentActor.clinic(clinic.id());
        }
        // Only the operator's key gets a request under /admin through ApiKeyFilter.
        RoutingContext http = request.getCurrent();
        return http != null && http.normalizedPath().startsWith("/admin/") ? OPERATOR : SYSTEM;
    }
}
