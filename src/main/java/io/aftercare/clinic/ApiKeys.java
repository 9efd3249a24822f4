package io.aftercare.clinic;

import io.aftercare.audit.AuditAction;
import io.aftercare.audit.AuditLog;
import io.aftercare.config.AftercareConfig;
import io.aftercare.db.TimeOrderedIds;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.ProblemType;
import io.aftercare.problem.TextFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Issues, checks and revokes clinic API keys. */
@ApplicationScoped
public class ApiKeys {

    /** Shortest key accepted from an operator (bootstrap); issued keys are longer. */
    static final int MIN_LENGTH = 32;

    public static final int MAX_LABEL_LENGTH = 60;

    private static final String ISSUED_PREFIX = "ak_";
    private static final int PREFIX_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int maxActiveKeys;
    private final AuditLog audit;
    private final Event<ApiKeyRevoked> revoked;

    ApiKeys(AftercareConfig config, AuditLog audit, Event<ApiKeyRevoked> revoked) {
        this.maxActiveKeys = config.auth().maxActiveKeysPerClinic();
        this.audit = audit;
        this.revoked = revoked;
    }

    /** A new random key; the caller stores it with {@link #register} and shows it once. */
    static String newKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return ISSUED_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /**
     * Creates a new random key for the clinic, with an optional label; the returned secret is the only copy.
     * Answers 409 when the clinic already holds {@code aftercare.auth.max-active-keys-per-clinic} active keys.
     */
    @Transactional
    public IssuedKey issue(UUID clinicId, String label) {
        String checkedLabel = checkedLabel(label);
        lockClinic(clinicId);
        long active = ApiKey.countActive(clinicId);
        if (active >= maxActiveKeys) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "The clinic already holds " + active
                            + " active API keys, the most it may hold; revoke one it no longer uses before issuing another");
        }
        return store(clinicId, newKey(), checkedLabel);
    }

    /** Stores a clinic's first key, chosen by the operator (bootstrap) or by {@link #newKey}. */
    @Transactional
    IssuedKey register(UUID clinicId, String key) {
        if (key.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("An API key needs at least " + MIN_LENGTH + " characters");
        }
        return store(clinicId, key, null);
    }

    private IssuedKey store(UUID clinicId, String key, String label) {
        ApiKey apiKey = new ApiKey();
        apiKey.id = TimeOrderedIds.next();
        apiKey.clinicId = clinicId;
        apiKey.prefix = key.substring(0, PREFIX_LENGTH);
        apiKey.sha256 = ApiKeyAuthentication.digest(key);
        apiKey.label = label;
        apiKey.createdAt = Instant.now();
        apiKey.persist();
        audit.record(AuditAction.API_KEY_ISSUED, clinicId, "api-key:" + apiKey.id);
        return new IssuedKey(apiKey.id, apiKey.prefix, key, apiKey.label, apiKey.createdAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KeyView> list(UUID clinicId) {
        return ApiKey.listForClinic(clinicId).stream().map(KeyView::of).toList();
    }

    /** Revokes one key of the clinic, as the operator may: even its last. Revoking a revoked key changes nothing. */
    @Transactional
    KeyView revoke(UUID clinicId, UUID keyId) {
        return revoke(clinicId, keyId, false);
    }

    /**
     * Revokes one key of the clinic, as the clinic itself may: never its last active key, which would lock the clinic
     * out until the operator steps in (409). Revoking a revoked key changes nothing.
     */
    @Transactional
    public KeyView revokeKeepingOne(UUID clinicId, UUID keyId) {
        return revoke(clinicId, keyId, true);
    }

    private KeyView revoke(UUID clinicId, UUID keyId, boolean keepOne) {
        lockClinic(clinicId);
        ApiKey key = ApiKey.<ApiKey>findByIdOptional(keyId)
                .filter(candidate -> candidate.clinicId.equals(clinicId))
                .orElseThrow(() -> ProblemException.notFound("No such API key"));
        if (key.revokedAt == null) {
            if (keepOne && ApiKey.countActive(clinicId) <= 1) {
                throw new ProblemException(
                        ProblemType.CONFLICT,
                        "This is the clinic's last active API key: issue a"
                                + " new key, switch to it, then revoke this one");
            }
            key.revokedAt = Instant.now();
            audit.record(AuditAction.API_KEY_REVOKED, clinicId, "api-key:" + key.id);
            revoked.fire(new ApiKeyRevoked(key.sha256));
        }
        return KeyView.of(key);
    }

    // Issuing and revoking count the clinic's active keys first; the lock on the clinic's row makes concurrent calls,
    // on any node, count one after the other, so that neither the cap nor the last-key rule can be raced past.
    private static void lockClinic(UUID clinicId) {
        Clinic.findById(clinicId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static String checkedLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String stripped = label.strip();
        // Refused rather than cleaned: a label is shown to operators, where control codes could forge what they read.
        TextFields.problem(stripped).ifPresent(reason -> {
            throw ProblemException.invalid("label", reason);
        });
        if (stripped.codePointCount(0, stripped.length()) > MAX_LABEL_LENGTH) {
            throw ProblemException.invalid("label", "must be at most " + MAX_LABEL_LENGTH + " characters");
        }
        return stripped;
    }
}
