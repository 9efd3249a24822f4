package io.aftercare.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a clinic's or the operator's key from {@code Authorization: Bearer <key>} and has
 * {@link ApiKeyIdentityProvider} tell whose it is. Runs only when an endpoint asks for an identity
 * ({@code quarkus.http.auth.proactive=false}): Twilio's webhooks and {@code /q/*} never look at a key.
 */
@ApplicationScoped
class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    private static final HttpCredentialTransport TRANSPORT =
            new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer");

    private final FailedAuthentications failures;

    ApiKeyAuthenticationMechanism(FailedAuthentications failures) {
        this.failures = failures;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Optional<String> key = bearerKey(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (key.isEmpty()) {
            return Uni.createFrom().optional(Optional.empty()); // anonymous: refused by @RolesAllowed with a 401
        }
        String address = clientAddress(context);
        Optional<Duration> refused = failures.refusedFor(address);
        if (refused.isPresent()) {
            return Uni.createFrom().failure(new TooManyFailedAuthentications(refused.get()));
        }
        ApiKeyAuthenticationRequest request = new ApiKeyAuthenticationRequest(key.get());
        return identities
                .authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context))
                .onFailure(AuthenticationFailedException.class)
                .invoke(() -> failures.recordFailure(address));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(TRANSPORT);
    }

    static Optional<String> bearerKey(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String key = authorization.substring(BEARER.length()).trim();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    // The peer's address, or the forwarded client's when quarkus.http.proxy.proxy-address-forwarding is on.
    private static String clientAddress(RoutingContext context) {
        SocketAddress remote = context.request().remoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.hostAddress() != null ? remote.hostAddress() : remote.toString();
    }
}
