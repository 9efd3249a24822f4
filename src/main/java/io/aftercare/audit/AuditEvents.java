package io.aftercare.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.db.SqlValues;
import io.aftercare.problem.FieldViolation;
import io.aftercare.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads the audit log for the operator, newest first, a page at a time. */
// Over 150 lines: the audit log's read side, whose paging and filters are mostly parameter checks.
@ApplicationScoped
class AuditEvents {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final EntityManager entityManager;
    private final ObjectMapper json;

    AuditEvents(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Query parameters as they came, each checked and named when wrong. */
    @Transactional(Transactional.TxType.SUPPORTS)
    AuditPage page(String limitParam, String beforeParam, String clinicParam, String actionParam) {
        List<FieldViolation> errors = new ArrayList<>();
        int limit = limit(limitParam, errors);
        Optional<Long> before = before(beforeParam, errors);
        Optional<UUID> clinic = clinic(clinicParam, errors);
        Optional<AuditAction> action = action(actionParam, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder(
                "SELECT id, at, actor, action, clinic_id, subject, details FROM audit_event WHERE true");
        before.ifPresent(id -> {
            sql.append(" AND id < :before");
            parameters.put("before", id);
        });
        clinic.ifPresent(id -> {
            sql.append(" AND clinic_id = :clinic");
            parameters.put("clinic", id);
        });
        action.ifPresent(value -> {
            sql.append(" AND action = :action");
            parameters.put("action", value.value());
        });
        // One more than asked tells whether an older page exists.
        sql.append(" ORDER BY id DESC LIMIT :limit");
        parameters.put("limit", limit + 1);
        Query query = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<AuditEventView> events = rows.stream().limit(limit).map(this::view).toList();
        Long nextBefore = rows.size() > limit ? events.get(events.size() - 1).id() : null;
        return new AuditPage(events, nextBefore);
    }

    private AuditEventView view(Object[] row) {
        return new AuditEventView(
                ((Number) row[0]).longValue(),
                SqlValues.instant(row[1]),
                (String) row[2],
                (String) row[3],
                (UUID) row[4],
                (String) row[5],
                details((String) row[6]));
    }

    private Map<String, Object> details(String text) {
        try {
            return json.readValue(text, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit record's details are not JSON", e);
        }
    }

    private static int limit(String text, List<FieldViolation> errors) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldViolation("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private static Optional<Long> before(String text, List<FieldViolation> errors) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            long before = Long.parseLong(text);
            if (before > 0) {
                return Optional.of(before);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldViolation("before", "must be the nextBefore of a previous page"));
        return Optional.empty();
    }

    private static Optional<UUID> clinic(String text, List<FieldViolation> errors) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldViolation("clinicId", "must be a clinic's id (a UUID)"));
            return Optional.empty();
        }
    }

    private static Optional<AuditAction> action(String text, List<FieldViolation> errors) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<AuditAction> action = AuditAction.of(text);
        if (action.isEmpty()) {
            errors.add(new FieldViolation(
                    "action",
                    "must be one of "
                            + Arrays.stream(AuditAction.values())
                                    .map(AuditAction::value)
                                    .toList()));
        }
        return action;
    }
}
