package io.aftercare.reply;

import io.aftercare.problem.FieldViolation;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.TextFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A clinic's own words that make a reply urgent, added to the plan's vocabulary for that clinic's replies. */
@ApplicationScoped
class ClinicTriageTerms {

    static final int MAX_TERMS = 100;
    static final int MAX_LENGTH = 60;

    private final EntityManager entityManager;
    private final Clock clock;

    ClinicTriageTerms(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    List<String> of(UUID clinicId) {
        return entityManager
                .createNativeQuery("SELECT term FROM triage_term WHERE clinic_id = :clinic ORDER BY term")
                .setParameter("clinic", clinicId)
                .getResultList();
    }

    /**
     * Replaces the clinic's terms. Terms that read the same to triage (case, accents, spaces) are kept once.
     *
     * @throws ProblemException 400 naming each refused term, e.g. {@code urgent[2]}; nothing is changed then
     */
    @Transactional
    List<String> replace(UUID clinicId, List<String> terms) {
        Map<String, String> byReading = new LinkedHashMap<>();
        for (String term : validated(terms)) {
            byReading.putIfAbsent(ReplyWords.plain(term).replaceAll("\\s+", " "), term);
        }
        entityManager
                .createNativeQuery("DELETE FROM triage_term WHERE clinic_id = :clinic")
                .setParameter("clinic", clinicId)
                .executeUpdate();
        Instant now = clock.instant();
        for (String term : byReading.values()) {
            entityManager
                    .createNativeQuery(
                            "INSERT INTO triage_term (clinic_id, term, created_at) VALUES (:clinic, :term, :now)"
                                    + " ON CONFLICT DO NOTHING")
                    .setParameter("clinic", clinicId)
                    .setParameter("term", term)
                    .setParameter("now", now)
                    .executeUpdate();
        }
        return of(clinicId);
    }

    private static List<String> validated(List<String> terms) {
        if (terms == null) {
            throw ProblemException.invalid("urgent", "must be a list of terms (an empty list removes them all)");
        }
        if (terms.size() > MAX_TERMS) {
            throw ProblemException.invalid("urgent", "holds " + terms.size() + " terms; at most " + MAX_TERMS);
        }
        List<FieldViolation> errors = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            String field = "urgent[" + i + "]";
            String term = terms.get(i);
            if (term == null || term.isBlank()) {
                errors.add(new FieldViolation(field, "must not be blank"));
                continue;
            }
            String stripped = term.strip().replaceAll("\\s+", " ");
            if (stripped.length() > MAX_LENGTH) {
                errors.add(new FieldViolation(field, "must be at most " + MAX_LENGTH + " characters"));
                continue;
            }
            var problem = TextFields.problem(term).or(() -> Triage.problemWith(stripped));
            if (problem.isPresent()) {
                errors.add(new FieldViolation(field, problem.get()));
                continue;
            }
            valid.add(stripped);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return valid;
    }
}
