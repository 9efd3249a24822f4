package io.aftercare.auth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An endpoint someone added and forgot to open or close: {@code deny-unannotated-endpoints} must keep it closed. */
@Path(UnannotatedResource.PATH)
public class UnannotatedResource {

    static final String PATH = "/v1/test-only/unannotated";

    @GET
    @Operation(hidden = true) // a test fixture, not part of the documented API
    public String hello() {
        return "this should never be served";
    }
}
