package io.aftercare.staff;

import java.time.Instant;
import java.util.UUID;

/** A new user and their invitation link, shown once: only its digest is kept. */
public record StaffInvitationView(
        UUID id, String email, String displayName, StaffRole role, String invitationUrl, Instant expiresAt) {}
