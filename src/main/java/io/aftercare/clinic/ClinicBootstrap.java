package io.aftercare.clinic;

import io.aftercare.config.AftercareConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Creates the first clinic of a fresh installation from {@code aftercare.bootstrap.*}, the way container images
 * create their first admin. Does nothing once any clinic exists.
 */
@ApplicationScoped
class ClinicBootstrap {

    // Any fixed number works; it only has to be the same on every node.
    private static final long BOOTSTRAP_LOCK = 0x4166746572L;

    private final AftercareConfig.Bootstrap config;
    private final ClinicService clinics;
    private final EntityManager entityManager;

    ClinicBootstrap(AftercareConfig config, ClinicService clinics, EntityManager entityManager) {
        this.config = config.bootstrap();
        this.clinics = clinics;
        this.entityManager = entityManager;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (!wanted(config.clinicName(), config.apiKey())) {
            return;
        }
        // Nodes starting together must not each create a first clinic.
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(" + BOOTSTRAP_LOCK + ")")
                .getSingleResult();
        if (Clinic.count() > 0) {
            return;
        }
        var created = clinics.create(
                new ClinicService.ClinicRequest(
                        config.clinicName().get(), null, config.timeZone(), config.locale(), config.region()),
                Optional.of(config.apiKey().get()));
        // Not even the key's first characters: the operator chose this key, so they may say more than a random one's.
        Log.infof(
                "Created the first clinic '%s' (%s) with the configured API key",
                created.clinic().name(), created.clinic().id());
    }

    /**
     * Whether a first clinic is configured: both the name and the key, or neither. One without the other stops the
     * start-up rather than skipping the bootstrap unnoticed, as does a key too short to be accepted later.
     */
    static boolean wanted(Optional<String> clinicName, Optional<String> apiKey) {
        if (clinicName.isPresent() && apiKey.isEmpty()) {
            throw new IllegalStateException("aftercare.bootstrap.api-key (AFTERCARE_BOOTSTRAP_API_KEY) is empty while"
                    + " aftercare.bootstrap.clinic-name is set; set a key of " + ApiKeys.MIN_LENGTH
                    + "+ characters (openssl rand -hex 32) or unset the name");
        }
        if (apiKey.isPresent() && clinicName.isEmpty()) {
            throw new IllegalStateException("aftercare.bootstrap.clinic-name (AFTERCARE_BOOTSTRAP_CLINIC_NAME) is empty"
                    + " while aftercare.bootstrap.api-key is set; name the first clinic or unset the key");
        }
        if (apiKey.isPresent() && apiKey.get().length() < ApiKeys.MIN_LENGTH) {
            // The key's length only, never any of its characters.
            throw new IllegalStateException("aftercare.bootstrap.api-key (AFTERCARE_BOOTSTRAP_API_KEY) has "
                    + apiKey.get().length() + " characters; it needs at least " + ApiKeys.MIN_LENGTH
                    + " (openssl rand -hex 32)");
        }
        return clinicName.isPresent();
    }
}
