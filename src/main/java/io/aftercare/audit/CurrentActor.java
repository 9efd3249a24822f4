package io.aftercare.audit;

import java.util.UUID;

/**
 * Who is acting in the current thread: {@code clinic:<id>} for a request made with a clinic's key, {@code staff:<id>}
 * for a signed-in dashboard user, {@code operator} for the admin API, {@code system} for jobs and start-up. Implemented where requests are authenticated, so that the
 * audit log depends on no feature package.
 */
public interface CurrentActor {

    String SYSTEM = "system";
    String OPERATOR = "operator";

    /**
     * The security identity attribute that names its actor outright ({@link #staff(UUID)}), set where a kind of
     * identity is built, so that the audit log's actor needs no import of the package that builds it.
     */
    String IDENTITY_ATTRIBUTE = "aftercare.actor";

    static String clinic(UUID clinicId) {
        return "clinic:" + clinicId;
    }

    static String staff(UUID staffUserId) {
        return "staff:" + staffUserId;
    }

    String name();
}
