package io.aftercare.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * What the schedule of one session depends on.
 *
 * @param finalTreatmentSession the last session of a treatment (not a touch-up): it is followed by the touch-up reminder
 * @param quietHours the clinic's quiet hours, empty when it turned them off
 * @param optionalSteps keys of the plan's optional steps the clinic switched on
 */
public record SessionFacts(
        Instant ended,
        ZoneId clientZone,
        boolean finalTreatmentSession,
        Optional<QuietHours> quietHours,
        Set<String> optionalSteps) {

    public SessionFacts {
        optionalSteps = Set.copyOf(optionalSteps);
    }

    /** A plain session: every-session steps only, no quiet hours. */
    public static SessionFacts of(Instant ended, ZoneId clientZone) {
        return new SessionFacts(ended, clientZone, false, Optional.empty(), Set.of());
    }
}
