package io.aftercare.reminder;

import io.aftercare.plan.QuietHours;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * A due text claimed by one dispatcher. {@code claimedBy} and {@code attempt} fence the claim: an outcome is recorded
 * only while the claim is still this one, so a node that stalled past its lease cannot overwrite a newer attempt.
 *
 * @param clientZone and {@code quietHours}: a text handed back (retry, release, resume) may come due at night
 * @param unknownSince set when an earlier attempt may have reached the provider: check before sending again
 * @param leaseEnds when the claim stops being exclusive, by the database's clock ({@code db/DatabaseClock})
 * @param dueAt when the text came due (a retry or a postponement moves it): how late it went out is measured from it
 */
public record ClaimedText(
        UUID reminderId,
        UUID clinicId,
        String to,
        String body,
        Optional<Instant> expiresAt,
        Optional<Instant> unknownSince,
        ZoneId clientZone,
        Optional<QuietHours> quietHours,
        String claimedBy,
        int attempt,
        Instant leaseEnds,
        Instant dueAt) {}
