package io.aftercare.auth;

import io.aftercare.clinic.ApiKeyAuthentication;
import io.aftercare.clinic.CurrentClinic;
import io.aftercare.clinic.Roles;
import io.aftercare.config.AftercareConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Tells whose a presented key is: the operator's admin key ({@code aftercare.admin.api-key}) is role
 * {@link Roles#OPERATOR}; a clinic's active key is role {@link Roles#CLINIC}, named by the clinic's id and carrying it
 * as {@link CurrentClinic#CLINIC_ID}. Anything else fails.
 */
@ApplicationScoped
class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private static final String OPERATOR = "operator";

    private final ApiKeyAuthentication apiKeys;
    private final Optional<String> adminKey;

    ApiKeyIdentityProvider(ApiKeyAuthentication apiKeys, AftercareConfig config) {
        this.apiKeys = apiKeys;
        this.adminKey = config.admin().apiKey().filter(key -> !key.isBlank());
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identify(request.key()));
    }

    private SecurityIdentity identify(String key) {
        if (adminKey.isPresent() && constantTimeEquals(adminKey.get(), key)) {
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(OPERATOR))
                    .addRole(Roles.OPERATOR)
                    .build();
        }
        ApiKeyAuthentication.AuthenticatedKey found = apiKeys.authenticate(key)
                .orElseThrow(() -> new AuthenticationFailedException("The API key is not valid"));
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(found.clinicId().toString()))
                .addRole(Roles.CLINIC)
                .addAttribute(CurrentClinic.CLINIC_ID, found.clinicId())
                .addAttribute(CurrentClinic.API_KEY_ID, found.id())
                .build();
    }

    private static boolean constantTimeEquals(String expected, String presented) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
