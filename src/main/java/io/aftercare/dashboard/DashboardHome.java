package io.aftercare.dashboard;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Sends a browser at {@code /app} or {@code /app/} (where form authentication lands after signing in) to the
 * dashboard's first page.
 */
@Path("/app")
@PermitAll
class DashboardHome {

    @GET
    @Operation(hidden = true)
    public Response app() {
        return Response.seeOther(URI.create("/app/today")).build();
    }
}
