package io.aftercare.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer key presented with a request, on its way to {@link ApiKeyIdentityProvider}. */
final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticationRequest"; // never the key, wherever this is logged
    }
}
