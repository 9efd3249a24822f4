package io.aftercare.clinic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aftercare.config.AftercareConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Clinics as a post reads them, from memory: each clinic is read at most once per {@code aftercare.auth.cache-ttl} on a
 * node. A change of settings through this node is seen at once, through another within that time.
 */
@ApplicationScoped
public class CachedClinics {

    /** Most clinics one node remembers; beyond it the least used are read again. */
    static final int MAX_REMEMBERED_CLINICS = 10_000;

    // Expiry after a TTL, as for API keys (ApiKeyAuthentication): no listening connection, and a bound on staleness
    // whatever fails; this node's own changes are forgotten at once (onChanged).
    private final Cache<UUID, Snapshot> clinics;

    CachedClinics(AftercareConfig config) {
        this.clinics = Caffeine.newBuilder()
                .expireAfterWrite(config.auth().cacheTtl())
                .maximumSize(MAX_REMEMBERED_CLINICS)
                .build();
    }

    /**
     * The clinic as last read, detached: a copy of its own for each caller, which may read it but whose changes are
     * never stored nor seen by others. Null for an unknown clinic, as {@link Clinic#findById} answers.
     */
    public Clinic find(UUID clinicId) {
        Snapshot snapshot = clinics.get(clinicId, CachedClinics::load);
        return snapshot == null ? null : snapshot.toClinic();
    }

    /** Forgets every remembered clinic: each is read again on its next use. */
    public void forgetAll() {
        clinics.invalidateAll();
    }

    // After completion, not before: a post reading the clinic before the change commits would remember the old row.
    // Caffeine's invalidate waits for a read of the same clinic under way, so none outlives this.
    void onChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) ClinicChanged changed) {
        clinics.invalidate(changed.clinicId());
    }

    private static Snapshot load(UUID clinicId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Clinic clinic = Clinic.findById(clinicId);
            return clinic == null ? null : Snapshot.of(clinic);
        });
    }

    /** What a clinic's row holds, immutable, so that no caller can change what the others read. */
    private record Snapshot(
            UUID id,
            String name,
            String phone,
            String defaultTimeZone,
            String defaultLocale,
            String defaultRegion,
            Instant createdAt,
            LocalTime quietHoursStart,
            LocalTime quietHoursEnd,
            List<String> optionalSteps,
            Integer retentionDays,
            boolean smsTransliteration) {

        static Snapshot of(Clinic clinic) {
            return new Snapshot(
                    clinic.id,
                    clinic.name,
                    clinic.phone,
                    clinic.defaultTimeZone,
                    clinic.defaultLocale,
                    clinic.defaultRegion,
                    clinic.createdAt,
                    clinic.quietHoursStart,
                    clinic.quietHoursEnd,
                    List.copyOf(clinic.optionalSteps),
                    clinic.retentionDays,
                    clinic.smsTransliteration);
        }

        Clinic toClinic() {
            Clinic clinic = new Clinic();
            clinic.id = id;
            clinic.name = name;
            clinic.phone = phone;
            clinic.defaultTimeZone = defaultTimeZone;
            clinic.defaultLocale = defaultLocale;
            clinic.defaultRegion = defaultRegion;
            clinic.createdAt = createdAt;
            clinic.quietHoursStart = quietHoursStart;
            clinic.quietHoursEnd = quietHoursEnd;
            clinic.optionalSteps = new ArrayList<>(optionalSteps);
            clinic.retentionDays = retentionDays;
            clinic.smsTransliteration = smsTransliteration;
            return clinic;
        }
    }
}
