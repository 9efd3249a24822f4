package io.aftercare.staff;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses every post to Quarkus' own form-login location ({@code quarkus.http.auth.form.post-location}): signing in goes
 * through {@link SignInResource}, whose form is CSRF-checked and counts towards the lockout. Without a provider for
 * the request type, such a post would fail with a 500 instead of the form's error page.
 */
@ApplicationScoped
class UnusedFormPostProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        return Uni.createFrom().failure(new AuthenticationFailedException("Sign in at /app/sign-in"));
    }
}
