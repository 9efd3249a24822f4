package io.aftercare.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Applies one report of the SMS provider to the text that carries its provider id, and tells observers of a text whose
 * status it changed; {@link Reminders#providerReported} runs it in its transaction.
 */
final class ProviderReportUpdate {

    // The row is locked and read first, so that its status before the report is known: a report changes the status
    // only of a text still SENT, and observers hear only of a change (ChangedTexts).
    private static final String PROVIDER_REPORTED =
            """
            WITH reported AS (
                SELECT id, status AS was FROM reminder
                 WHERE provider_id = :providerId AND COALESCE(provider_rank, -1) < :rank
                   FOR UPDATE),
            changed AS (
                UPDATE reminder r SET provider_status = :providerStatus, provider_rank = :rank,
                       provider_updated_at = :now, updated_at = :now,
                       status = CASE WHEN r.status = 'SENT' AND :final <> '' THEN :final ELSE r.status END,
                       error = CASE WHEN r.status = 'SENT' AND :final = 'FAILED' THEN :error ELSE r.error END
                  FROM reported
                 WHERE r.id = reported.id
                RETURNING %s, reported.was)
            %s""".formatted(ChangedTexts.RETURNING, ChangedTexts.select(", ch.status <> ch.was"));

    private final ChangedTexts changedTexts;

    ProviderReportUpdate(ChangedTexts changedTexts) {
        this.changedTexts = changedTexts;
    }

    /** As {@link Reminders#providerReported}. */
    boolean apply(
            String providerId,
            String providerStatus,
            int rank,
            Optional<ReminderStatus> finalStatus,
            String error,
            Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Reminder.getEntityManager()
                .createNativeQuery(PROVIDER_REPORTED)
                .setParameter("providerStatus", providerStatus)
                .setParameter("now", now)
                .setParameter("final", finalStatus.map(Enum::name).orElse(""))
                .setParameter("error", error == null ? "" : error)
                .setParameter("providerId", providerId)
                .setParameter("rank", rank)
                .getResultList();
        changedTexts.announce(rows.stream()
                .filter(row -> (Boolean) row[ChangedTexts.COLUMNS])
                .map(ChangedTexts::change)
                .toList());
        return rows.size() == 1;
    }
}
