package io.aftercare.dashboard.staffadmin;

/** The invitation form as typed, with the message next to each refused field (null where none). */
record InviteForm(
        String email, String displayName, String role, String emailError, String nameError, String roleError) {

    static InviteForm empty() {
        return new InviteForm("", "", "STAFF", null, null, null);
    }

    public boolean manager() {
        return "MANAGER".equals(role);
    }
}
