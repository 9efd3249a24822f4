package io.aftercare.clinic;

import io.aftercare.audit.AuditAction;
import io.aftercare.audit.AuditLog;
import io.aftercare.db.TimeOrderedIds;
import io.aftercare.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issues, checks and revokes clinic API keys. */
@ApplicationScoped
public class ApiKeys {

    /** Shortest key accepted from an operator (bootstrap); issued keys are longer. */
    public static final int MIN_LENGTH = 32;

    private static final String ISSUED_PREFIX = "ak_";
    private static final int PREFIX_LENGTH = 10;
    private final SecureRandom random = new SecureRandom();
    private final AuditLog audit;

    ApiKeys(AuditLog audit) {
        this.audit = audit;
    }

    /** Creates a new random key for the clinic; the returned secret is the only copy. */
    @Transactional
    public IssuedKey issue(UUID clinicId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = ISSUED_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return register(clinicId, key);
    }

    /** Stores a key chosen by the operator (bootstrap). */
    @Transactional
    public IssuedKey register(UUID clinicId, String key) {
        if (key.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("An API key needs at least " + MIN_LENGTH + " characters");
        }
        ApiKey apiKey = new ApiKey();
        apiKey.id = TimeOrderedIds.next();
        apiKey.clinicId = clinicId;
        apiKey.prefix = key.substring(0, PREFIX_LENGTH);
        apiKey.sha256 = digest(key);
        apiKey.createdAt = Instant.now();
        apiKey.persist();
        audit.record(AuditAction.API_KEY_ISSUED, clinicId, "api-key:" + apiKey.id);
        return new IssuedKey(apiKey.id, apiKey.prefix, key, apiKey.createdAt);
    }

    /** The clinic a presented key belongs to, if the key is known and not revoked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> authenticate(String presentedKey) {
        return ApiKey.findActiveByDigest(digest(presentedKey)).map(key -> key.clinicId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KeyView> list(UUID clinicId) {
        return ApiKey.listForClinic(clinicId).stream().map(KeyView::of).toList();
    }

    /** Revokes one key of the clinic; revoking a revoked key changes nothing. */
    @Transactional
    public KeyView revoke(UUID clinicId, UUID keyId) {
        ApiKey key = ApiKey.<ApiKey>findByIdOptional(keyId)
                .filter(candidate -> candidate.clinicId.equals(clinicId))
                .orElseThrow(() -> ProblemException.notFound("No such API key"));
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
            audit.record(AuditAction.API_KEY_REVOKED, clinicId, "api-key:" + key.id);
        }
        return KeyView.of(key);
    }

    static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** A newly issued key: {@code key} is shown this once and never stored. */
    public record IssuedKey(UUID id, String prefix, String key, Instant createdAt) {}

    public record KeyView(UUID id, String prefix, Instant createdAt, Instant revokedAt) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.id, key.prefix, key.createdAt, key.revokedAt);
        }
    }
}
