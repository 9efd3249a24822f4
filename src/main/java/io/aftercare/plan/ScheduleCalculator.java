package io.aftercare.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places a plan's steps on the calendar of one session.
 *
 * <p>A session can be posted late (the clinic's system was offline). A step whose time has passed is stale once its
 * advice no longer applies, that is once the next step is due or its {@code validFor} has run out. The one past step
 * still in force keeps its due instant, which has passed, so it goes out at once: the client is never told
 * yesterday's instructions nor left without today's.
 *
 * <p>A text that would go out in the clinic's quiet hours is moved to the moment they end, in the client's time zone.
 */
public final class ScheduleCalculator {

    private ScheduleCalculator() {}

    public static List<ScheduledStep> schedule(AftercarePlan plan, SessionFacts session, Instant now) {
        List<PlanStep> steps =
                plan.steps().stream().filter(step -> step.follows(session)).toList();
        List<Instant> due = dueInstants(steps, session);
        List<ScheduledStep> schedule = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            PlanStep step = steps.get(i);
            Instant dueAt = due.get(i);
            Instant nextDue = i + 1 < due.size() ? due.get(i + 1) : null;
            Instant adviceEnds = adviceEnds(step, dueAt, nextDue);
            boolean stale = !now.isBefore(adviceEnds);
            Optional<Instant> expiresAt = adviceEnds.equals(Instant.MAX) ? Optional.empty() : Optional.of(adviceEnds);
            schedule.add(
                    new ScheduledStep(step, stale ? dueAt : outsideQuietHours(dueAt, session, now), expiresAt, stale));
        }
        return schedule;
    }

    /** Due instants in plan order; a step never falls due before the one written above it. */
    private static List<Instant> dueInstants(List<PlanStep> steps, SessionFacts session) {
        List<Instant> due = new ArrayList<>(steps.size());
        Instant previous = session.ended();
        for (PlanStep step : steps) {
            Instant dueAt = step.due().dueAt(session.ended(), session.clientZone());
            previous = dueAt.isBefore(previous) ? previous : dueAt;
            due.add(previous);
        }
        return due;
    }

    private static Instant adviceEnds(PlanStep step, Instant dueAt, Instant nextDue) {
        Instant end = nextDue == null ? Instant.MAX : nextDue;
        if (step.validFor().isPresent()) {
            Instant validUntil = dueAt.plus(step.validFor().get());
            end = validUntil.isBefore(end) ? validUntil : end;
        }
        return end;
    }

    /** A late text goes out now, which may itself be in quiet hours: then it waits for them to end. */
    private static Instant outsideQuietHours(Instant dueAt, SessionFacts session, Instant now) {
        if (session.quietHours().isEmpty()) {
            return dueAt;
        }
        Instant sendsAt = dueAt.isBefore(now) ? now : dueAt;
        Instant allowed = session.quietHours().get().nextAllowed(sendsAt, session.clientZone());
        return allowed.equals(sendsAt) ? dueAt : allowed;
    }
}
