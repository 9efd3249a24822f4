package io.aftercare.webhook;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A signing secret as Standard Webhooks writes it: {@code whsec_} and the base64 of the key bytes. The HMAC is keyed
 * with the decoded bytes, not the text.
 */
record WebhookSecret(String text) {

    static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;
    private static final int GENERATED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    static WebhookSecret generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** @return why the text is not an acceptable secret, or empty when it is */
    static Optional<String> problemWith(String text) {
        if (!text.startsWith(PREFIX)) {
            return Optional.of("must start with " + PREFIX + " followed by the base64 of 24 to 64 random bytes");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.of("is not " + PREFIX + " followed by base64");
        }
        if (key.length < MIN_BYTES) {
            return Optional.of("is too short: at least " + MIN_BYTES + " random bytes");
        }
        if (key.length > MAX_BYTES) {
            return Optional.of("is too long: at most " + MAX_BYTES + " bytes");
        }
        return Optional.empty();
    }

    byte[] key() {
        return Base64.getDecoder().decode(text.substring(PREFIX.length()));
    }

    @Override
    public String toString() {
        return PREFIX + "…"; // never the key, whatever logs a record
    }
}
