package io.aftercare.staff;

import io.aftercare.db.TimeOrderedIds;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.ProblemType;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Staff accounts: invitations, setting a password, and signing in with a lockout that holds across nodes. */
// Over 150 lines: invitation, acceptance, sign-in with its lockout, sign-out and the demo manager share the account
// rows and their rules (issue 15 in progress; to be split once the pages add their own needs).
@ApplicationScoped
public class StaffAccounts {

    static final int MAX_FAILED_SIGN_INS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    static final Duration INVITATION_LIFETIME = Duration.ofHours(72);
    static final int MIN_PASSWORD_LENGTH = 12;
    // bcrypt reads only the first 72 bytes; a longer password would be silently cut.
    static final int MAX_PASSWORD_BYTES = 72;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern EMAIL =
            Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,189}\\.[^@\\s\\p{Cntrl}.]{1,63}$");
    // Compared against when no account matches, so an unknown address costs as long as a wrong password.
    private static final String UNKNOWN_USER_HASH = BcryptUtil.bcryptHash("no such user: timing only");

    private final Clock clock;

    StaffAccounts(Clock clock) {
        this.clock = clock;
    }

    /** A new user and the one-time token of their invitation (shown once, stored hashed). */
    public record Invited(UUID id, String email, String displayName, StaffRole role, String token, Instant expiresAt) {}

    /** The outcome of a sign-in attempt: a session for the user, or none, and whether the account is locked. */
    record SignIn(Optional<SessionPrincipal> session, boolean locked) {

        static SignIn refused(boolean locked) {
            return new SignIn(Optional.empty(), locked);
        }
    }

    /** Invites a clinic's user ({@code STAFF} or {@code MANAGER}); 409 when the address already has an account. */
    @Transactional
    public Invited invite(UUID clinicId, String email, String displayName, String role) {
        StaffRole parsed = parseClinicRole(role);
        return create(clinicId, email, displayName, parsed);
    }

    /** Invites one of the operator's users, who see every clinic read-only. */
    @Transactional
    public Invited inviteOperator(String email, String displayName) {
        return create(null, email, displayName, StaffRole.OPERATOR);
    }

    /** The user a live invitation token belongs to: unknown, used and expired tokens give nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<StaffUser> invitee(String token) {
        return liveInvitation(token).flatMap(invitation -> StaffUser.findByIdOptional(invitation.staffId));
    }

    /**
     * Sets the password of a live invitation's user and uses the invitation up; false when the token is unknown, used
     * or expired. A password outside 12 characters to 72 bytes is refused (400) and leaves the invitation live.
     */
    @Transactional
    boolean acceptInvitation(String token, String password) {
        checkPassword(password);
        Optional<StaffInvitation> found = liveInvitation(token);
        if (found.isEmpty()) {
            return false;
        }
        StaffInvitation invitation = StaffInvitation.findById(found.get().id, LockModeType.PESSIMISTIC_WRITE);
        if (invitation.usedAt != null) {
            return false; // another request used it while this one hashed
        }
        Instant now = clock.instant();
        invitation.usedAt = now;
        StaffUser user = StaffUser.findById(invitation.staffId, LockModeType.PESSIMISTIC_WRITE);
        user.passwordHash = BcryptUtil.bcryptHash(password);
        user.failedLogins = 0;
        user.lockedUntil = null;
        user.updatedAt = now;
        Log.infof("Staff user %s set their password", user.id);
        return true;
    }

    /**
     * Checks an address and password. Five failures in a row lock the account for 15 minutes, during which even the
     * right password is refused; the count and the lock are on the row, so every node sees them. The log names the
     * masked address, never the password.
     */
    @Transactional
    SignIn signIn(String email, String password) {
        Optional<UUID> id = email == null
                ? Optional.empty()
                : StaffUser.findByEmail(email.trim()).map(u -> u.id);
        if (id.isEmpty() || password == null) {
            BcryptUtil.matches(password == null ? "" : password, UNKNOWN_USER_HASH);
            Log.warnf("Failed sign-in for %s: no such account", EmailMask.mask(email));
            return SignIn.refused(false);
        }
        StaffUser user = StaffUser.findById(id.get(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (user.lockedUntil != null && user.lockedUntil.isAfter(now)) {
            Log.warnf(
                    "Sign-in refused for %s: the account is locked until %s",
                    EmailMask.mask(user.email), user.lockedUntil);
            return SignIn.refused(true);
        }
        if (user.passwordHash != null && BcryptUtil.matches(password, user.passwordHash)) {
            user.failedLogins = 0;
            user.lockedUntil = null;
            return new SignIn(Optional.of(new SessionPrincipal(user.id, user.sessionGeneration)), false);
        }
        user.failedLogins++;
        user.updatedAt = now;
        if (user.failedLogins >= MAX_FAILED_SIGN_INS) {
            user.failedLogins = 0;
            user.lockedUntil = now.plus(LOCKOUT);
            Log.warnf(
                    "Failed sign-in for %s (%d in a row): the account is locked for %d minutes",
                    EmailMask.mask(user.email), MAX_FAILED_SIGN_INS, LOCKOUT.toMinutes());
            return SignIn.refused(true);
        }
        Log.warnf("Failed sign-in for %s (%d in a row)", EmailMask.mask(user.email), user.failedLogins);
        return SignIn.refused(false);
    }

    /** The user a session names, while the account exists, has a password and has not signed out since. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<StaffUser> find(SessionPrincipal session) {
        return StaffUser.<StaffUser>findByIdOptional(session.staffId())
                .filter(user -> user.passwordHash != null && user.sessionGeneration == session.generation());
    }

    /** Ends every session of the user, on every node: their cookies name a generation that no longer holds. */
    @Transactional
    void signOut(UUID staffId) {
        StaffUser.update("sessionGeneration = sessionGeneration + 1 where id = ?1", staffId);
    }

    /** Creates the demo manager with a known password, unless the address has an account already. */
    @Transactional
    void ensureWithPassword(UUID clinicId, String email, String displayName, StaffRole role, String password) {
        if (StaffUser.findByEmail(email).isPresent()) {
            return;
        }
        StaffUser user = newUser(clinicId, email, displayName, role);
        user.passwordHash = BcryptUtil.bcryptHash(password);
        user.persist();
        Log.infof("Created the demo %s %s", role.name().toLowerCase(Locale.ROOT), EmailMask.mask(email));
    }

    private Invited create(UUID clinicId, String email, String displayName, StaffRole role) {
        String checkedEmail = checkEmail(email);
        String checkedName = checkDisplayName(displayName);
        if (StaffUser.findByEmail(checkedEmail).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "This email address already has an account");
        }
        StaffUser user = newUser(clinicId, checkedEmail, checkedName, role);
        user.persist();
        byte[] random = new byte[32]; // 256 bits
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        StaffInvitation invitation = new StaffInvitation();
        invitation.id = TimeOrderedIds.next();
        invitation.staffId = user.id;
        invitation.tokenHash = digest(token);
        invitation.createdAt = user.createdAt;
        invitation.expiresAt = user.createdAt.plus(INVITATION_LIFETIME);
        invitation.persist();
        Log.infof("Invited staff user %s (%s)", user.id, role);
        return new Invited(user.id, user.email, user.displayName, role, token, invitation.expiresAt);
    }

    private StaffUser newUser(UUID clinicId, String email, String displayName, StaffRole role) {
        StaffUser user = new StaffUser();
        user.id = TimeOrderedIds.next();
        user.clinicId = clinicId;
        user.email = email;
        user.displayName = displayName;
        user.role = role;
        user.createdAt = clock.instant();
        user.updatedAt = user.createdAt;
        return user;
    }

    private Optional<StaffInvitation> liveInvitation(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return StaffInvitation.findByTokenHash(digest(token))
                .filter(invitation -> invitation.usedAt == null && invitation.expiresAt.isAfter(now));
    }

    private static StaffRole parseClinicRole(String role) {
        if ("STAFF".equals(role)) {
            return StaffRole.STAFF;
        }
        if ("MANAGER".equals(role)) {
            return StaffRole.MANAGER;
        }
        throw ProblemException.invalid("role", "must be STAFF or MANAGER");
    }

    private static String checkEmail(String email) {
        if (email == null || email.isBlank()) {
            throw ProblemException.invalid("email", "is required");
        }
        String trimmed = email.trim();
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            throw ProblemException.invalid("email", "must be an email address");
        }
        return trimmed;
    }

    private static String checkDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw ProblemException.invalid("displayName", "is required");
        }
        String trimmed = displayName.strip();
        if (trimmed.length() > 80 || trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalid("displayName", "must be at most 80 characters, without control characters");
        }
        return trimmed;
    }

    private static void checkPassword(String password) {
        if (password == null
                || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ProblemException.invalid(
                    "password", "must be at least " + MIN_PASSWORD_LENGTH + " characters and at most 72 bytes");
        }
    }

    static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
