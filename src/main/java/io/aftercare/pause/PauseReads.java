package io.aftercare.pause;

import io.aftercare.db.SqlValues;
import io.aftercare.pause.SendingPauses.Pause;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the pauses that stand, as the dispatcher, health and the admin API ask for them; {@link SendingPauses} runs
 * them in its transactions.
 */
final class PauseReads {

    private static final String COLUMNS = "scope, clinic_id, reason, paused_at";

    private final EntityManager entityManager;

    PauseReads(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    List<Pause> all() {
        return pauses(entityManager.createNativeQuery(
                "SELECT " + COLUMNS + " FROM sending_pause ORDER BY paused_at, scope, clinic_id"));
    }

    /** As {@link SendingPauses#count}. */
    long count() {
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM sending_pause WHERE scope = 'CLINIC'")
                        .getSingleResult())
                .longValue();
    }

    /** As {@link SendingPauses#countsByScope}. */
    Map<PauseScope, Long> countsByScope() {
        Map<PauseScope, Long> counts = new EnumMap<>(PauseScope.class);
        for (PauseScope scope : PauseScope.values()) {
            counts.put(scope, 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT scope, count(*) FROM sending_pause GROUP BY scope")
                .getResultList();
        rows.forEach(row -> counts.put(PauseScope.valueOf((String) row[0]), ((Number) row[1]).longValue()));
        return counts;
    }

    /** As {@link SendingPauses#of(UUID)}. */
    Optional<Pause> of(UUID clinicId) {
        return pauses(entityManager
                        .createNativeQuery("SELECT " + COLUMNS + " FROM sending_pause"
                                + " WHERE clinic_id = :clinic OR clinic_id IS NULL"
                                + " ORDER BY clinic_id NULLS LAST, paused_at LIMIT 1")
                        .setParameter("clinic", clinicId))
                .stream()
                .findFirst();
    }

    /** As {@link SendingPauses#of(PauseScope)}. */
    Optional<Pause> of(PauseScope scope) {
        return pauses(entityManager
                        .createNativeQuery("SELECT " + COLUMNS + " FROM sending_pause"
                                + " WHERE scope = :scope AND clinic_id IS NULL ORDER BY paused_at LIMIT 1")
                        .setParameter("scope", scope.name()))
                .stream()
                .findFirst();
    }

    private static List<Pause> pauses(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(row -> new Pause(
                        PauseScope.valueOf((String) row[0]), (UUID) row[1], (String) row[2], SqlValues.instant(row[3])))
                .toList();
    }
}
