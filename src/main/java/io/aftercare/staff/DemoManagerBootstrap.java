package io.aftercare.staff;

import io.aftercare.clinic.ApiKeyAuthentication;
import io.aftercare.config.AftercareConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Gives the bootstrap clinic of the dev and demo profiles a manager, {@value #EMAIL}, with the password set in
 * {@code aftercare.bootstrap.manager-password}, so the dashboard can be tried at once. Does nothing while that is unset
 * (every other profile) or once the address has an account.
 */
@ApplicationScoped
class DemoManagerBootstrap {

    static final String EMAIL = "manager@demo.clinic";

    private final AftercareConfig.Bootstrap config;
    private final ApiKeyAuthentication apiKeys;
    private final StaffAccounts accounts;

    DemoManagerBootstrap(AftercareConfig config, ApiKeyAuthentication apiKeys, StaffAccounts accounts) {
        this.config = config.bootstrap();
        this.apiKeys = apiKeys;
        this.accounts = accounts;
    }

    // After the bootstrap clinic is created (observers run in ascending priority; the default is 2500).
    void onStart(@Observes @Priority(3000) StartupEvent event) {
        if (config.managerPassword().filter(password -> !password.isBlank()).isEmpty()
                || config.apiKey().isEmpty()) {
            return;
        }
        // The bootstrap clinic is the one its configured key belongs to (names need not be unique).
        apiKeys.authenticate(config.apiKey().get())
                .ifPresent(key -> accounts.ensureWithPassword(
                        key.clinicId(),
                        EMAIL,
                        "Demo Manager",
                        StaffRole.MANAGER,
                        config.managerPassword().get()));
    }
}
