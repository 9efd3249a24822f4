package io.aftercare.staff;

import io.aftercare.problem.FieldViolation;
import io.aftercare.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks what a clinic or operator sends about a user; each refusal names its field. */
final class StaffFields {

    private static final Pattern EMAIL =
            Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,189}\\.[^@\\s\\p{Cntrl}.]{1,63}$");

    private StaffFields() {}

    /** Who to invite, checked. */
    record Invitee(String email, String displayName, StaffRole role) {}

    /** A clinic's user to invite; 400 naming every unfit field. */
    static Invitee clinicInvitee(String email, String displayName, String role) {
        List<FieldViolation> errors = new ArrayList<>();
        Invitee invitee = new Invitee(email(email, errors), displayName(displayName, errors), clinicRole(role, errors));
        return valid(invitee, errors);
    }

    /** One of the operator's users to invite; 400 naming every unfit field. */
    static Invitee operatorInvitee(String email, String displayName) {
        List<FieldViolation> errors = new ArrayList<>();
        Invitee invitee = new Invitee(email(email, errors), displayName(displayName, errors), StaffRole.OPERATOR);
        return valid(invitee, errors);
    }

    private static Invitee valid(Invitee invitee, List<FieldViolation> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return invitee;
    }

    /** The trimmed address; null, with the reason added to {@code errors}, when it is not one. */
    static String email(String email, List<FieldViolation> errors) {
        if (email == null || email.isBlank()) {
            errors.add(new FieldViolation("email", "is required"));
            return null;
        }
        String trimmed = email.trim();
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            errors.add(new FieldViolation("email", "must be an email address"));
            return null;
        }
        return trimmed;
    }

    /** The stripped name; null, with the reason added to {@code errors}, when it is missing or unfit. */
    static String displayName(String displayName, List<FieldViolation> errors) {
        if (displayName == null || displayName.isBlank()) {
            errors.add(new FieldViolation("displayName", "is required"));
            return null;
        }
        String trimmed = displayName.strip();
        if (trimmed.length() > 80 || trimmed.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldViolation("displayName", "must be at most 80 characters, without control characters"));
            return null;
        }
        return trimmed;
    }

    /** A clinic's role, {@code STAFF} or {@code MANAGER} (never {@code OPERATOR}); null, with the reason, otherwise. */
    static StaffRole clinicRole(String role, List<FieldViolation> errors) {
        if ("STAFF".equals(role)) {
            return StaffRole.STAFF;
        }
        if ("MANAGER".equals(role)) {
            return StaffRole.MANAGER;
        }
        errors.add(new FieldViolation("role", "must be STAFF or MANAGER"));
        return null;
    }

    /** A clinic's role, or 400 naming {@code role}. */
    static StaffRole clinicRole(String role) {
        List<FieldViolation> errors = new ArrayList<>();
        StaffRole parsed = clinicRole(role, errors);
        if (parsed == null) {
            throw ProblemException.invalid(errors);
        }
        return parsed;
    }
}
