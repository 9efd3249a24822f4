package io.aftercare.staff;

/** An email address as the log and the staff list show it: its first letter and its domain ({@code m…@demo.clinic}). */
final class EmailMask {

    private EmailMask() {}

    static String mask(String email) {
        if (email == null || email.isBlank()) {
            return "(none)";
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return email.charAt(0) + "…";
        }
        return email.charAt(0) + "…" + email.substring(at);
    }
}
