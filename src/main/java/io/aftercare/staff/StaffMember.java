package io.aftercare.staff;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One of a clinic's dashboard users as its staff list shows them: the address masked, never the password or a link.
 *
 * @param invitationExpiresAt when the last unused invitation ends; null when there is none
 * @param lockedUntil when a lockout ends; null unless {@link StaffState#LOCKED}
 */
public record StaffMember(
        UUID id,
        String displayName,
        String maskedEmail,
        StaffRole role,
        StaffState state,
        Instant invitationExpiresAt,
        Instant lockedUntil) {

    static StaffMember of(StaffUser user, Optional<StaffInvitation> unused, Instant now) {
        return new StaffMember(
                user.id,
                user.displayName,
                EmailMask.mask(user.email),
                user.role,
                state(user, unused, now),
                unused.map(invitation -> invitation.expiresAt).orElse(null),
                user.lockedAt(now) ? user.lockedUntil : null);
    }

    // No password and no unused link is a removed user: an invitation is made with every account but the demo
    // manager's (created with a password), and only a removal voids a link without replacing it.
    private static StaffState state(StaffUser user, Optional<StaffInvitation> unused, Instant now) {
        if (user.hasPassword()) {
            return user.lockedAt(now) ? StaffState.LOCKED : StaffState.ACTIVE;
        }
        if (unused.isEmpty()) {
            return StaffState.REMOVED;
        }
        return unused.get().expiresAt.isAfter(now) ? StaffState.INVITED : StaffState.INVITATION_EXPIRED;
    }
}
