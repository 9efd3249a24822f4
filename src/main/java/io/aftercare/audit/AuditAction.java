package io.aftercare.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The security-relevant actions the audit log records, each under a stable name. */
public enum AuditAction {
    CLINIC_CREATED("clinic.created"),
    API_KEY_ISSUED("api-key.issued"),
    API_KEY_REVOKED("api-key.revoked"),
    SENDING_PAUSED("sending.paused"),
    SENDING_RESUMED("sending.resumed"),
    TEMPLATE_CHANGED("template.changed"),
    TEMPLATE_RESET("template.reset"),
    CLIENT_ERASED("client.erased"),
    RETENTION_PURGED("retention.purged"),
    WEBHOOK_CREATED("webhook.created"),
    WEBHOOK_DELETED("webhook.deleted"),
    WEBHOOK_SECRET_ROTATED("webhook.secret-rotated"),
    STAFF_INVITED("staff.invited"),
    STAFF_INVITATION_ACCEPTED("staff.invitation-accepted"),
    STAFF_SIGNED_IN("staff.signed-in"),
    STAFF_SIGNED_OUT("staff.signed-out"),
    STAFF_LOCKED_OUT("staff.locked-out"),
    STAFF_ROLE_CHANGED("staff.role-changed"),
    STAFF_REMOVED("staff.removed");

    private final String value;

    AuditAction(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    static Optional<AuditAction> of(String value) {
        return Arrays.stream(values())
                .filter(action -> action.value.equals(value))
                .findFirst();
    }
}
