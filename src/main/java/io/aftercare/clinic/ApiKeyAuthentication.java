package io.aftercare.clinic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aftercare.config.AftercareConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells whose a presented API key is, and notes that the key is in use. Active keys are remembered by digest for
 * {@code aftercare.auth.cache-ttl}, so that a request with a known key needs neither a statement nor a transaction.
 */
@ApplicationScoped
public class ApiKeyAuthentication {

    /**
     * How precisely {@code last_used_at} follows a key's use. Writing it on every request would add a row write to
     * every authenticated request; to the minute is enough to tell a live key from a forgotten one.
     */
    static final Duration USE_PRECISION = Duration.ofMinutes(1);

    /** Most active keys one node remembers; beyond it the least used are looked up again. */
    static final int MAX_REMEMBERED_KEYS = 10_000;

    /** A presented key that matched: which key, of which clinic. */
    public record AuthenticatedKey(UUID id, UUID clinicId) {}

    // Expiry after a TTL, not LISTEN/NOTIFY: it needs no listening connection per node and bounds how long another
    // node's revocation goes unseen whatever fails; this node's own revocations are forgotten at once (onRevoked).
    private final Cache<String, ActiveKey> activeKeys;

    ApiKeyAuthentication(AftercareConfig config) {
        this.activeKeys = Caffeine.newBuilder()
                .expireAfterWrite(config.auth().cacheTtl())
                .maximumSize(MAX_REMEMBERED_KEYS)
                .build();
    }

    /**
     * The key a presented key is, if it is known and not revoked. Notes the key's use in {@code last_used_at} only when
     * the time this node last saw stored is older than {@link #USE_PRECISION}: at most one write per key, minute and
     * node, whatever the request rate. The same condition sits in the UPDATE, so nodes seeing the same key at once write
     * it once.
     */
    public Optional<AuthenticatedKey> authenticate(String presentedKey) {
        // A key that is not found loads as null, which is not remembered: an unknown key is looked up every time, and
        // failed attempts stay limited as before (auth/FailedAuthentications).
        ActiveKey found = activeKeys.get(digest(presentedKey), ApiKeyAuthentication::load);
        if (found == null) {
            return Optional.empty();
        }
        found.noteUse(Instant.now());
        return Optional.of(found.key());
    }

    /** Forgets every remembered key: they are looked up again on their next use. */
    public void forgetAll() {
        activeKeys.invalidateAll();
    }

    // After completion, not before: a request loading the key before the revocation commits would remember it again.
    // Caffeine's invalidate waits for a load of the same key under way, so none outlives this.
    void onRevoked(@Observes(during = TransactionPhase.AFTER_COMPLETION) ApiKeyRevoked revoked) {
        activeKeys.invalidate(revoked.sha256());
    }

    private static ActiveKey load(String digest) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> ApiKey.findActiveByDigest(digest)
                        .map(key -> new ActiveKey(new AuthenticatedKey(key.id, key.clinicId), key.lastUsedAt))
                        .orElse(null));
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

    /** An active key as this node remembers it, with the last use it knows to be stored. */
    private static final class ActiveKey {

        private final AuthenticatedKey key;
        private final AtomicReference<Instant> lastUsedAt;

        ActiveKey(AuthenticatedKey key, Instant lastUsedAt) {
            this.key = key;
            this.lastUsedAt = new AtomicReference<>(lastUsedAt);
        }

        AuthenticatedKey key() {
            return key;
        }

        void noteUse(Instant now) {
            Instant known = lastUsedAt.get();
            Instant staleBefore = now.minus(USE_PRECISION);
            // Only the request that moves the time on writes; the node's others go on without a statement.
            if ((known == null || known.isBefore(staleBefore)) && lastUsedAt.compareAndSet(known, now)) {
                QuarkusTransaction.joiningExisting()
                        .run(() -> ApiKey.update(
                                "lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
                                now,
                                key.id(),
                                staleBefore));
            }
        }
    }
}
