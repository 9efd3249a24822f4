package io.aftercare.staff;

import io.aftercare.config.AftercareConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** Where an invitation's link points, at the public base URL, and the answer that shows it to its creator once. */
@ApplicationScoped
public class StaffInvitationLinks {

    private final AftercareConfig config;

    StaffInvitationLinks(AftercareConfig config) {
        this.config = config;
    }

    /**
     * The link of an invitation: under {@code aftercare.public-base-url} when set, else under the base of the request
     * that made it.
     */
    public String url(StaffInvitations.Invited invited, URI requestBase) {
        String base = config.publicBaseUrl().filter(url -> !url.isBlank()).orElseGet(requestBase::toString);
        return base.replaceAll("/+$", "") + "/app/invitation/" + invited.token();
    }

    /** The API's answer to an invitation: 201 with the new user and their link, shown this once. */
    Response created(StaffInvitations.Invited invited, UriInfo uri) {
        return Response.status(Response.Status.CREATED)
                .entity(new StaffInvitationView(
                        invited.id(),
                        invited.email(),
                        invited.displayName(),
                        invited.role(),
                        url(invited, uri.getBaseUri()),
                        invited.expiresAt()))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** An absent body reads as an empty one, so that each missing field is named. */
    static StaffRequest orEmpty(StaffRequest request) {
        return request == null ? new StaffRequest(null, null, null) : request;
    }
}
