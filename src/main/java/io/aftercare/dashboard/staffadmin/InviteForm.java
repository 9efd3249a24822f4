package io.aftercare.dashboard.staffadmin;

import io.aftercare.problem.FieldViolation;
import io.aftercare.problem.ProblemException;

/** The invitation form as typed, with the message next to each refused field (null where none). */
record InviteForm(
        String email, String displayName, String role, String emailError, String nameError, String roleError) {

    static InviteForm empty() {
        return new InviteForm("", "", "STAFF", null, null, null);
    }

    /** The form as typed, each refused field with its message in the user's language. */
    static InviteForm refused(
            String email, String displayName, String role, ProblemException e, StaffAdminLabels labels) {
        String emailError = e.problem().status() == 409 ? labels.errorEmailTaken() : null;
        String nameError = null;
        String roleError = null;
        for (FieldViolation violation : e.problem().errors()) {
            switch (violation.field()) {
                case "email" -> emailError = labels.errorEmail();
                case "displayName" -> nameError = labels.errorName();
                default -> roleError = labels.errorRole();
            }
        }
        return new InviteForm(
                email == null ? "" : email,
                displayName == null ? "" : displayName,
                "MANAGER".equals(role) ? "MANAGER" : "STAFF",
                emailError,
                nameError,
                roleError);
    }

    public boolean manager() {
        return "MANAGER".equals(role);
    }
}
