package io.aftercare.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * The cluster's dispatch trigger as Quartz stores it. Its next firing is pushed on each time some node fires it, so
 * one that lies well in the past means no node of the cluster fires it: held by a node whose scheduler thread died,
 * paused, or in error.
 */
@ApplicationScoped
class DispatchTrigger {

    private static final String NEXT_FIRE_TIME = """
            SELECT next_fire_time FROM qrtz_triggers WHERE sched_name = :scheduler AND trigger_name = :trigger
            """;

    private final EntityManager entityManager;
    private final String schedulerName;

    DispatchTrigger(EntityManager entityManager, Scheduler quartz) throws SchedulerException {
        this.entityManager = entityManager;
        this.schedulerName = quartz.getSchedulerName();
    }

    /** When the trigger fires next, by Quartz's clock (the system's); empty when it is not scheduled. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Instant> nextFireTime() {
        @SuppressWarnings("unchecked")
        List<Number> rows = entityManager
                .createNativeQuery(NEXT_FIRE_TIME, Long.class)
                .setParameter("scheduler", schedulerName)
                .setParameter("trigger", DispatchJob.DISPATCH_TRIGGER)
                .setHint("jakarta.persistence.query.timeout", 2_000)
                .getResultList();
        return rows.stream()
                .filter(time -> time != null && time.longValue() > 0)
                .findFirst()
                .map(time -> Instant.ofEpochMilli(time.longValue()));
    }
}
