package io.aftercare.dashboard;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Sends a browser at the service's root address to the dashboard; programs use /v1. */
@Path("/")
@PermitAll
class ServiceRoot {

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(URI.create("/app/")).build();
    }
}
