package io.aftercare.audit;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the audit log, newest first. */
@Schema(name = "AuditPage")
record AuditPage(
        List<AuditEventView> events,

        @Schema(description = "Pass as 'before' for the next, older page; null on the last page")
        Long nextBefore) {}
