package io.aftercare.plan;

import java.time.Instant;

/**
 * A step placed on the calendar of one session.
 *
 * @param dueAt when it should go out; a late step still worth sending is due already and goes out at once
 * @param stale true when its advice no longer applies by the time the session was posted: it is recorded, never sent
 */
public record ScheduledStep(PlanStep step, Instant dueAt, boolean stale) {}
