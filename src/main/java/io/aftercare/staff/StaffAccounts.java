package io.aftercare.staff;

import io.aftercare.audit.AuditAction;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.ProblemType;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A clinic's list of dashboard accounts: who they are and in what state, their role, their removal, and the account a
 * session names. Every method on a clinic's users is scoped to that clinic: another clinic's user is unknown (404).
 */
// Over 150 lines: the list, its two changes (role, removal) with the last-manager rule they share, and the account a
// session names (read by StaffIdentityProvider) all work on the clinic's account rows.
@ApplicationScoped
public class StaffAccounts {

    private final Clock clock;
    private final StaffPasswords passwords;
    private final StaffAudit audit;

    StaffAccounts(Clock clock, StaffPasswords passwords, StaffAudit audit) {
        this.clock = clock;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** The clinic's users by name, the removed ones last. A clinic has a handful: the list is not paged. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffMember> list(UUID clinicId) {
        List<StaffUser> users = StaffUser.list("clinicId", clinicId);
        Map<UUID, StaffInvitation> unused =
                StaffInvitation.unusedOf(users.stream().map(user -> user.id).toList()).stream()
                        .collect(Collectors.toMap(
                                invitation -> invitation.staffId,
                                Function.identity(),
                                (a, b) -> a.expiresAt.isAfter(b.expiresAt) ? a : b));
        Instant now = clock.instant();
        return users.stream()
                .map(user -> StaffMember.of(user, Optional.ofNullable(unused.get(user.id)), now))
                .sorted(Comparator.comparing((StaffMember member) -> member.state() == StaffState.REMOVED)
                        .thenComparing(member -> member.displayName().toLowerCase(Locale.ROOT))
                        .thenComparing(StaffMember::id))
                .toList();
    }

    /** One of the clinic's users; empty for anyone else's or an unknown id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StaffMember> member(UUID clinicId, UUID staffId) {
        return StaffUser.<StaffUser>find("id = ?1 and clinicId = ?2", staffId, clinicId)
                .firstResultOptional()
                .map(user -> StaffMember.of(
                        user,
                        StaffInvitation.unusedOf(List.of(user.id)).stream()
                                .max(Comparator.comparing(invitation -> invitation.expiresAt)),
                        clock.instant()));
    }

    /**
     * Makes one of the clinic's users {@code STAFF} or {@code MANAGER} (400 naming {@code role} otherwise; 404 for
     * anyone else's user); the change holds from their next request. 409 when it would leave the clinic without a
     * manager who can sign in.
     */
    @Transactional
    public StaffMember changeRole(UUID clinicId, UUID staffId, String role) {
        StaffRole wanted = StaffFields.clinicRole(role);
        List<StaffUser> clinicUsers = StaffUser.lockClinic(clinicId);
        StaffUser user = find(clinicUsers, staffId);
        if (user.role != wanted) {
            if (user.role == StaffRole.MANAGER) {
                requireAnotherManager(clinicUsers, user, "demoted");
            }
            StaffRole before = user.role;
            user.role = wanted;
            user.updatedAt = clock.instant();
            audit.byCaller(AuditAction.STAFF_ROLE_CHANGED, user, Map.of("from", before.name(), "to", wanted.name()));
            Log.infof("Staff user %s is now %s", user.id, wanted);
        }
        return member(clinicId, staffId).orElseThrow();
    }

    /**
     * Removes one of the clinic's users: their password and any unused link are void and their sessions end at once, on
     * every node. The account stays (the audit log and resolved replies name it) and a new link brings it back. 404
     * for anyone else's user; 409 for the last manager who can sign in; removing a removed user does nothing.
     */
    @Transactional
    public void remove(UUID clinicId, UUID staffId) {
        List<StaffUser> clinicUsers = StaffUser.lockClinic(clinicId);
        StaffUser user = find(clinicUsers, staffId);
        boolean removed = !user.hasPassword()
                && StaffInvitation.unusedOf(List.of(user.id)).isEmpty();
        if (removed) {
            return;
        }
        if (user.role == StaffRole.MANAGER) {
            requireAnotherManager(clinicUsers, user, "removed");
        }
        Instant now = clock.instant();
        user.passwordHash = null;
        user.failedLogins = 0;
        user.lockedUntil = null;
        user.endSessions(now);
        StaffInvitation.voidUnused(user.id);
        audit.byCaller(AuditAction.STAFF_REMOVED, user, Map.of("role", user.role.name()));
        Log.infof("Removed staff user %s", user.id);
    }

    /** The user a session names, while the account has a password and has not signed out since. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<StaffUser> find(SessionPrincipal session) {
        return StaffUser.<StaffUser>findByIdOptional(session.staffId())
                .filter(user -> user.hasPassword() && user.sessionGeneration == session.generation());
    }

    /** Ends every session of the user, on every node: their cookies name a generation that no longer holds. */
    @Transactional
    void signOut(UUID staffId) {
        StaffUser user = StaffUser.findById(staffId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            return;
        }
        user.endSessions(clock.instant());
        audit.byUser(AuditAction.STAFF_SIGNED_OUT, user, Map.of());
    }

    /** Creates the demo manager with a known password, unless the address has an account already. */
    @Transactional
    void ensureWithPassword(UUID clinicId, String email, String displayName, StaffRole role, String password) {
        if (StaffUser.findByEmail(email).isPresent()) {
            return;
        }
        StaffUser user = StaffUser.create(clinicId, email, displayName, role, clock.instant());
        user.passwordHash = passwords.hash(password);
        user.persist();
        Log.infof("Created the demo %s %s", role.name().toLowerCase(Locale.ROOT), EmailMask.mask(email));
    }

    private static StaffUser find(List<StaffUser> clinicUsers, UUID staffId) {
        return clinicUsers.stream()
                .filter(user -> user.id.equals(staffId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("The clinic has no such staff user"));
    }

    // A clinic keeps a manager who can sign in (active or locked for now): else no one could manage its staff or
    // settings from the dashboard. An invited manager does not count: their link may never be used.
    private static void requireAnotherManager(List<StaffUser> clinicUsers, StaffUser user, String change) {
        if (!user.hasPassword()) {
            return;
        }
        boolean another = clinicUsers.stream()
                .anyMatch(other -> other != user && other.role == StaffRole.MANAGER && other.hasPassword());
        if (!another) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "The clinic's last manager cannot be " + change + ": make someone else a manager first");
        }
    }
}
