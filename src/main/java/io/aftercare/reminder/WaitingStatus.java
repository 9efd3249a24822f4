package io.aftercare.reminder;

/**
 * The status a text goes back to when a send attempt hands it back to the queue (retry, release, expired claim).
 * While it was being sent its session may have been cancelled or superseded, or its number opted out: those
 * decisions could not touch a text in flight, so they are applied here instead of it becoming sendable again.
 */
final class WaitingStatus {

    static final String SQL = """
            CASE
                WHEN EXISTS (SELECT 1 FROM treatment_session s
                             WHERE s.id = reminder.session_id AND s.status = 'CANCELLED') THEN 'CANCELLED'
                WHEN EXISTS (SELECT 1 FROM treatment_session s
                             JOIN treatment_session later ON later.client_id = s.client_id AND later.id <> s.id
                                  AND later.status = 'ACTIVE' AND later.ended_at >= s.ended_at
                             WHERE s.id = reminder.session_id) THEN 'SUPERSEDED'
                WHEN EXISTS (SELECT 1 FROM opt_out o JOIN client c ON c.phone = o.phone AND c.clinic_id = o.clinic_id
                             WHERE c.id = reminder.client_id) THEN 'HELD'
                ELSE 'SCHEDULED'
            END""";

    private WaitingStatus() {}
}
