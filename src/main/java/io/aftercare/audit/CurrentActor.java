package io.aftercare.audit;

import java.util.UUID;

/**
 * Who is acting in the current thread: {@code clinic:<id>} for a request made with a clinic's key, {@code operator}
 * for the admin API, {@code staff:<id>} for a dashboard user, {@code system} for jobs and start-up. Implemented where requests are authenticated, so that the
 * audit log depends on no feature package.
 */
public interface CurrentActor {

    String SYSTEM = "system";
    String OPERATOR = "operator";

    static String clinic(UUID clinicId) {
        return "clinic:" + clinicId;
    }

    /** A dashboard user acting in their own name (signing in or out, accepting their invitation, a page's action). */
    static String staff(UUID staffId) {
        return "staff:" + staffId;
    }

    String name();
}
