package io.aftercare.staff;

import io.aftercare.audit.AuditAction;
import io.aftercare.db.TimeOrderedIds;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.ProblemType;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Invitation links: inviting a user, sending them a new link, and their setting a password with it, once. */
@ApplicationScoped
public class StaffInvitations {

    static final Duration LIFETIME = Duration.ofHours(72);

    private final Clock clock;
    private final StaffPasswords passwords;
    private final StaffAudit audit;

    StaffInvitations(Clock clock, StaffPasswords passwords, StaffAudit audit) {
        this.clock = clock;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** A user and the one-time token of their invitation (shown once, stored hashed). */
    public record Invited(UUID id, String email, String displayName, StaffRole role, String token, Instant expiresAt) {}

    /**
     * Invites a clinic's user ({@code STAFF} or {@code MANAGER}); 400 naming every unfit field, 409 when the address
     * already has an account.
     */
    @Transactional
    public Invited invite(UUID clinicId, String email, String displayName, String role) {
        return create(clinicId, StaffFields.clinicInvitee(email, displayName, role));
    }

    /** Invites one of the operator's users, who see every clinic read-only. */
    @Transactional
    public Invited inviteOperator(String email, String displayName) {
        return create(null, StaffFields.operatorInvitee(email, displayName));
    }

    /**
     * A new link for one of the clinic's users, whatever their state: the old link is void. For a user who has a
     * password it works as a reset: their password and sessions hold until the link is used. 404 for a user who is
     * not the clinic's.
     */
    @Transactional
    public Invited reinvite(UUID clinicId, UUID staffId) {
        StaffUser user = StaffUser.<StaffUser>find("id = ?1 and clinicId = ?2", staffId, clinicId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("The clinic has no such staff user"));
        StaffInvitation.voidUnused(user.id);
        Invited invited = issue(user, clock.instant());
        audit.byCaller(AuditAction.STAFF_INVITED, user, Map.of("role", user.role.name(), "newLink", true));
        Log.infof("Sent staff user %s a new invitation", user.id);
        return invited;
    }

    /** The user a live invitation token belongs to: unknown, used, voided and expired tokens give nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<StaffUser> invitee(String token) {
        return live(token).flatMap(invitation -> StaffUser.findByIdOptional(invitation.staffId));
    }

    /**
     * Sets the password of a live invitation's user, uses the invitation up and ends the user's other sessions; false
     * when the token is unknown, used, voided or expired. A password outside 12 characters to 72 bytes is refused
     * (400) and leaves the invitation live.
     */
    @Transactional
    boolean accept(String token, String password) {
        StaffPasswords.check(password);
        Optional<StaffInvitation> found = live(token);
        if (found.isEmpty()) {
            return false;
        }
        String hash = passwords.hash(password); // before taking any lock: it takes a few tenths of a second
        // The user's row first, as every change to an account takes it: no deadlock with a removal or a new link.
        StaffUser user = StaffUser.findById(found.get().staffId, LockModeType.PESSIMISTIC_WRITE);
        // Read afresh under that lock (the entity loaded above may be stale): used or voided while this one hashed?
        Optional<StaffInvitation> unused = StaffInvitation.<StaffInvitation>find(
                        "id = ?1 and usedAt is null", found.get().id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
        if (user == null || unused.isEmpty()) {
            return false;
        }
        StaffInvitation invitation = unused.get();
        Instant now = clock.instant();
        invitation.usedAt = now;
        user.passwordHash = hash;
        user.failedLogins = 0;
        user.lockedUntil = null;
        user.endSessions(now);
        audit.byUser(AuditAction.STAFF_INVITATION_ACCEPTED, user, Map.of());
        Log.infof("Staff user %s set their password", user.id);
        return true;
    }

    private Invited create(UUID clinicId, StaffFields.Invitee invitee) {
        if (StaffUser.findByEmail(invitee.email()).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "This email address already has an account");
        }
        Instant now = clock.instant();
        StaffUser user = StaffUser.create(clinicId, invitee.email(), invitee.displayName(), invitee.role(), now);
        user.persist();
        Invited invited = issue(user, now);
        audit.byCaller(AuditAction.STAFF_INVITED, user, Map.of("role", user.role.name()));
        Log.infof("Invited staff user %s (%s)", user.id, user.role);
        return invited;
    }

    private static Invited issue(StaffUser user, Instant now) {
        String token = InvitationTokens.next();
        StaffInvitation invitation = new StaffInvitation();
        invitation.id = TimeOrderedIds.next();
        invitation.staffId = user.id;
        invitation.tokenHash = InvitationTokens.digest(token);
        invitation.createdAt = now;
        invitation.expiresAt = now.plus(LIFETIME);
        invitation.persist();
        return new Invited(user.id, user.email, user.displayName, user.role, token, invitation.expiresAt);
    }

    private Optional<StaffInvitation> live(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return StaffInvitation.findByTokenHash(InvitationTokens.digest(token))
                .filter(invitation -> invitation.usedAt == null && invitation.expiresAt.isAfter(now));
    }
}
