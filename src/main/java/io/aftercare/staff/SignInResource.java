package io.aftercare.staff;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** Signing in to and out of the dashboard; both forms carry a CSRF token ({@link PageCsrf}). */
@Path("/app")
@PermitAll
@Produces(MediaType.TEXT_HTML)
class SignInResource {

    static final URI SIGN_IN = URI.create("/app/sign-in");
    private static final URI HOME = URI.create("/app/");

    private final StaffSignIn signIns;
    private final SignInAddressLimit addressLimit;
    private final StaffAccounts accounts;
    private final StaffSessions sessions;
    private final SecurityIdentity identity;

    SignInResource(
            StaffSignIn signIns,
            SignInAddressLimit addressLimit,
            StaffAccounts accounts,
            StaffSessions sessions,
            SecurityIdentity identity) {
        this.signIns = signIns;
        this.addressLimit = addressLimit;
        this.accounts = accounts;
        this.sessions = sessions;
        this.identity = identity;
    }

    @GET
    @Path("/sign-in")
    @Operation(hidden = true)
    public Response signInPage(@RestQuery String error) {
        return StaffPages.ok(StaffTemplates.signIn(errorText(error), sessions.enabled()));
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signIn(@RestForm String email, @RestForm String password, RoutingContext context) {
        if (!sessions.enabled()) {
            return Response.seeOther(SIGN_IN).build();
        }
        String address = SignInAddressLimit.clientAddress(context);
        Optional<Duration> refused = addressLimit.refusedFor(address);
        if (refused.isPresent()) {
            return tooMany(refused.get());
        }
        StaffSignIn.Outcome outcome = signIns.signIn(email, password);
        if (outcome.session().isEmpty()) {
            addressLimit.recordFailure(address);
            return Response.seeOther(URI.create("/app/sign-in?error=" + (outcome.locked() ? "locked" : "failed")))
                    .build();
        }
        sessions.start(outcome.session().get(), context);
        return Response.seeOther(HOME).build();
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signOut(RoutingContext context) {
        Object staffId = identity.getAttribute(CurrentStaff.STAFF_ID);
        if (staffId instanceof UUID id) {
            accounts.signOut(id);
        }
        sessions.end(context);
        return Response.seeOther(SIGN_IN).build();
    }

    // The form again, at once (no redirect: nothing was tried), with how long to wait.
    private Response tooMany(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        String text = "Too many failed sign-ins from your network: try again in " + minutes
                + (minutes == 1 ? " minute." : " minutes.");
        return Response.fromResponse(StaffPages.html(429, StaffTemplates.signIn(text, true)))
                .header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())))
                .build();
    }

    private static String errorText(String error) {
        if ("failed".equals(error)) {
            return "That email and password do not match an account.";
        }
        if ("locked".equals(error)) {
            return "Too many failed sign-ins: this account is locked for 15 minutes.";
        }
        return null;
    }
}
