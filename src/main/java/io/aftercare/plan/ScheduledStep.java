package io.aftercare.plan;

import java.time.Instant;
import java.util.Optional;

/**
 * A step placed on the calendar of one session.
 *
 * @param dueAt when it should go out; a late step still worth sending is due already and goes out at once
 * @param expiresAt when its advice stops applying: a text not sent by then is never sent; empty for the last step
 *     without a validity
 * @param stale true when its advice no longer applies by the time the session was posted: it is recorded, never sent
 */
public record ScheduledStep(PlanStep step, Instant dueAt, Optional<Instant> expiresAt, boolean stale) {}
