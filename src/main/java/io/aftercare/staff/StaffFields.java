package io.aftercare.staff;

import io.aftercare.problem.ProblemException;
import java.util.regex.Pattern;

/** Checks what a clinic or operator sends about a user; each refusal (400) names its field. */
final class StaffFields {

    private static final Pattern EMAIL =
            Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,189}\\.[^@\\s\\p{Cntrl}.]{1,63}$");

    private StaffFields() {}

    static String email(String email) {
        if (email == null || email.isBlank()) {
            throw ProblemException.invalid("email", "is required");
        }
        String trimmed = email.trim();
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            throw ProblemException.invalid("email", "must be an email address");
        }
        return trimmed;
    }

    static String displayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw ProblemException.invalid("displayName", "is required");
        }
        String trimmed = displayName.strip();
        if (trimmed.length() > 80 || trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalid("displayName", "must be at most 80 characters, without control characters");
        }
        return trimmed;
    }

    /** A clinic's role: {@code STAFF} or {@code MANAGER}, never {@code OPERATOR}. */
    static StaffRole clinicRole(String role) {
        if ("STAFF".equals(role)) {
            return StaffRole.STAFF;
        }
        if ("MANAGER".equals(role)) {
            return StaffRole.MANAGER;
        }
        throw ProblemException.invalid("role", "must be STAFF or MANAGER");
    }
}
