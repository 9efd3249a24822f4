package io.aftercare.staff;

/** Who to invite: an email address, the name the dashboard shows, and (for a clinic's users) STAFF or MANAGER. */
public record StaffRequest(String email, String displayName, String role) {}
