package io.aftercare.staff;

import io.aftercare.config.AftercareConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;

/** Turns a new invitation into the view its creator sees once, with the link at the public base URL. */
@ApplicationScoped
class InvitationLinks {

    private final AftercareConfig config;

    InvitationLinks(AftercareConfig config) {
        this.config = config;
    }

    StaffInvitationView view(StaffAccounts.Invited invited, UriInfo uri) {
        String base = config.publicBaseUrl()
                .filter(url -> !url.isBlank())
                .orElseGet(() -> uri.getBaseUri().toString());
        String url = base.replaceAll("/+$", "") + "/app/invitation/" + invited.token();
        return new StaffInvitationView(
                invited.id(), invited.email(), invited.displayName(), invited.role(), url, invited.expiresAt());
    }
}
