package io.aftercare.twilio;

import com.twilio.security.RequestValidator;
import io.aftercare.config.AftercareConfig;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that a webhook call comes from Twilio: its {@code X-Twilio-Signature} must be the HMAC of the public URL
 * Twilio called and of the posted parameters, keyed with the account's auth token.
 */
@ApplicationScoped
class TwilioWebhooks {

    public static final String STATUS_PATH = "/v1/twilio/status";
    public static final String INBOUND_PATH = "/v1/twilio/inbound";

    private final Optional<URI> baseUrl;
    private final Optional<RequestValidator> validator;

    TwilioWebhooks(AftercareConfig config) {
        this.baseUrl =
                config.twilio().webhookBaseUrl().filter(url -> !url.isBlank()).map(URI::create);
        this.validator =
                config.twilio().authToken().filter(token -> !token.isBlank()).map(RequestValidator::new);
    }

    static URI url(URI base, String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }

    /**
     * The URL is the configured public one, not the one this request arrived at: behind a proxy or load balancer
     * they differ, and Twilio signed what it called.
     *
     * @throws ProblemException 404 while webhooks are not configured, 403 when the signature is missing or wrong
     */
    public void verify(String path, MultivaluedMap<String, String> form, String signature) {
        if (baseUrl.isEmpty() || validator.isEmpty()) {
            throw ProblemException.notFound("Twilio webhooks are not configured (aftercare.twilio.webhook-base-url)");
        }
        Map<String, String> params = new HashMap<>();
        form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        if (signature == null
                || !validator.get().validate(url(baseUrl.get(), path).toString(), params, signature)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The request does not carry a valid Twilio signature");
        }
    }
}
