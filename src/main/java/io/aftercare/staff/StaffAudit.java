package io.aftercare.staff;

import io.aftercare.audit.AuditAction;
import io.aftercare.audit.AuditLog;
import io.aftercare.audit.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Records what happens to dashboard accounts in the audit log, the account as subject ({@code staff:<id>}). */
@ApplicationScoped
class StaffAudit {

    private final AuditLog log;

    StaffAudit(AuditLog log) {
        this.log = log;
    }

    /** The user acts in their own name, which the request's identity does not carry (signing in, accepting a link). */
    void byUser(AuditAction action, StaffUser user, Map<String, ?> details) {
        log.record(CurrentActor.staff(user.id), action, user.clinicId, CurrentActor.staff(user.id), details);
    }

    /** Whoever makes the request acts: a clinic's key, the operator, a signed-in user, or no one yet ({@code system}). */
    void byCaller(AuditAction action, StaffUser user, Map<String, ?> details) {
        log.record(action, user.clinicId, CurrentActor.staff(user.id), details);
    }
}
