package io.aftercare.staff;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The dashboard's sign-in and invitation pages ({@code templates/staff/}), checked at build time; HTML-escaped. */
@CheckedTemplate(basePath = "staff")
final class StaffTemplates {

    private StaffTemplates() {}

    static native TemplateInstance signIn(String error, boolean enabled);

    static native TemplateInstance setPassword(String token, String email, String displayName, String error);

    static native TemplateInstance invitationRefused();

    static native TemplateInstance passwordSet();
}
