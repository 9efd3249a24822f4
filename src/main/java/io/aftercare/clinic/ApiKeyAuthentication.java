package io.aftercare.clinic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** Tells whose a presented API key is, and notes that the key is in use. */
@ApplicationScoped
public class ApiKeyAuthentication {

    /**
     * How precisely {@code last_used_at} follows a key's use. Writing it on every request would add a row write to
     * every authenticated request; to the minute is enough to tell a live key from a forgotten one.
     */
    static final Duration USE_PRECISION = Duration.ofMinutes(1);

    /** A presented key that matched: which key, of which clinic. */
    public record AuthenticatedKey(UUID id, UUID clinicId) {}

    /**
     * The key a presented key is, if it is known and not revoked. Notes the key's use in {@code last_used_at} only when
     * the stored time is older than {@link #USE_PRECISION}: at most one write per key and minute, whatever the request
     * rate. The same condition sits in the UPDATE, so nodes seeing the same key at once write it once.
     */
    @Transactional
    public Optional<AuthenticatedKey> authenticate(String presentedKey) {
        Optional<ApiKey> found = ApiKey.findActiveByDigest(digest(presentedKey));
        found.ifPresent(ApiKeyAuthentication::noteUse);
        return found.map(key -> new AuthenticatedKey(key.id, key.clinicId));
    }

    private static void noteUse(ApiKey key) {
        Instant now = Instant.now();
        Instant staleBefore = now.minus(USE_PRECISION);
        if (key.lastUsedAt == null || key.lastUsedAt.isBefore(staleBefore)) {
            ApiKey.update(
                    "lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
                    now,
                    key.id,
                    staleBefore);
        }
    }

    /** Keys are stored and looked up by this digest only. */
    static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
