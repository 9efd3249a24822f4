package io.aftercare.staff;

import io.aftercare.audit.AuditAction;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an address and password. Five failures in a row lock the account for 15 minutes, during which even the right
 * password is refused; the count and the lock are on the row, so every node sees them. The log names the masked
 * address, never the password.
 */
@ApplicationScoped
class StaffSignIn {

    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final Clock clock;
    private final StaffPasswords passwords;
    private final StaffAudit audit;

    StaffSignIn(Clock clock, StaffPasswords passwords, StaffAudit audit) {
        this.clock = clock;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** A session for the user, or none, and whether the account is locked. */
    record Outcome(Optional<SessionPrincipal> session, boolean locked) {

        static Outcome refused(boolean locked) {
            return new Outcome(Optional.empty(), locked);
        }
    }

    @Transactional
    Outcome signIn(String email, String password) {
        Optional<StaffUser> found =
                email == null || email.length() > 254 ? Optional.empty() : StaffUser.lockByEmail(email.trim());
        if (found.isEmpty() || password == null) {
            passwords.matches(password, null); // as long as a wrong password takes
            Log.warnf("Failed sign-in for %s: no such account", EmailMask.mask(email));
            return Outcome.refused(false);
        }
        StaffUser user = found.get();
        Instant now = clock.instant();
        if (user.lockedAt(now)) {
            Log.warnf(
                    "Sign-in refused for %s: the account is locked until %s",
                    EmailMask.mask(user.email), user.lockedUntil);
            return Outcome.refused(true);
        }
        // An invited or removed user has no hash: the check costs the same and fails.
        if (passwords.matches(password, user.passwordHash)) {
            user.failedLogins = 0;
            user.lockedUntil = null;
            if (passwords.outdated(user.passwordHash)) {
                user.passwordHash = passwords.hash(password); // aftercare.staff.bcrypt-cost changed since it was set
                user.updatedAt = now;
            }
            audit.byUser(AuditAction.STAFF_SIGNED_IN, user, Map.of());
            return new Outcome(Optional.of(new SessionPrincipal(user.id, user.sessionGeneration)), false);
        }
        user.failedLogins++;
        user.updatedAt = now;
        if (user.failedLogins >= MAX_FAILURES) {
            user.failedLogins = 0;
            user.lockedUntil = now.plus(LOCKOUT);
            // Whoever typed the passwords is unknown: the request's actor (no one signed in: system) records it.
            audit.byCaller(AuditAction.STAFF_LOCKED_OUT, user, Map.of("failures", MAX_FAILURES));
            Log.warnf(
                    "Failed sign-in for %s (%d in a row): the account is locked for %d minutes",
                    EmailMask.mask(user.email), MAX_FAILURES, LOCKOUT.toMinutes());
            return Outcome.refused(true);
        }
        Log.warnf("Failed sign-in for %s (%d in a row)", EmailMask.mask(user.email), user.failedLogins);
        return Outcome.refused(false);
    }
}
