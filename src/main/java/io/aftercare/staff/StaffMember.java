package io.aftercare.staff;

import java.time.Instant;
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
        Instant lockedUntil) {}
