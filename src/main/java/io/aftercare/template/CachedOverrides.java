package io.aftercare.template;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toUnmodifiableMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aftercare.config.AftercareConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.UUID;

/**
 * A clinic's own wordings, by language and step, from memory: read at most once per {@code aftercare.auth.cache-ttl}
 * on a node. A change through this node is seen at once, through another within that time.
 */
@ApplicationScoped
public class CachedOverrides {

    /** Most clinics whose wordings one node remembers; beyond it the least used are read again. */
    static final int MAX_REMEMBERED_CLINICS = 10_000;

    // Expiry after a TTL, as for API keys and clinics (clinic/CachedClinics): no listening connection, and a bound on
    // staleness whatever fails; this node's own changes are forgotten at once (onChanged).
    private final Cache<UUID, Map<String, Map<String, String>>> wordings;

    CachedOverrides(AftercareConfig config) {
        this.wordings = Caffeine.newBuilder()
                .expireAfterWrite(config.auth().cacheTtl())
                .maximumSize(MAX_REMEMBERED_CLINICS)
                .build();
    }

    /** The clinic's own templates in one language, by step key; immutable. */
    Map<String, String> overrides(UUID clinicId, String language) {
        return wordings.get(clinicId, CachedOverrides::load).getOrDefault(language, Map.of());
    }

    /** Forgets every clinic's wordings: each is read again on its next use. */
    public void forgetAll() {
        wordings.invalidateAll();
    }

    // After completion, not before: a post reading the wordings before the change commits would remember the old ones.
    // Caffeine's invalidate waits for a read of the same clinic under way, so none outlives this.
    void onChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) WordingChanged changed) {
        wordings.invalidate(changed.clinicId());
    }

    private static Map<String, Map<String, String>> load(UUID clinicId) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> TemplateOverride.forClinic(clinicId).stream()
                        .collect(groupingBy(
                                override -> override.language,
                                toUnmodifiableMap(override -> override.step, override -> override.template))));
    }
}
