package io.aftercare.client;

import io.aftercare.clinic.Clinic;
import io.aftercare.db.SqlValues;
import io.aftercare.phone.PhoneNumbers;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.TextFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Finds a clinic's clients for its staff: one by id, or a page of them by the start of a name, the last digits or the
 * whole of a number, or the clinic's own id. Erased clients are never found.
 */
// Over 150 lines: the dashboard's reads of the client table in one owner: each search form (last digits, number, name,
// id, recent) with its keyset on the V22 indexes; split up they would each repeat the scoping, escaping and cursor.
@ApplicationScoped
public class ClientDirectory {

    public static final int PAGE_SIZE = 50;
    static final int MAX_QUERY = 100;

    /** Digits as people write a number, with spaces, dashes, dots or brackets between them. */
    private static final Pattern WRITTEN_DIGITS = Pattern.compile("[0-9 ()./-]+");

    private static final Pattern NOT_A_DIGIT = Pattern.compile("[^0-9]");
    private static final String COLUMNS =
            "SELECT id, external_id, first_name, last_name, phone, time_zone, locale, updated_at FROM client";
    private static final String HELD = " WHERE clinic_id = :clinic AND erased_at IS NULL";
    private static final String NAME_ORDER = "lower(coalesce(last_name, '')), lower(first_name), id";

    /** A client as the staff see them: the name and number in clear. */
    public record Entry(
            UUID id,
            String externalId,
            String firstName,
            String lastName,
            String phone,
            String timeZone,
            String locale,
            Instant updatedAt) {}

    /** One page of clients; {@code nextCursor} is null on the last page. */
    public record Page(List<Entry> clients, String nextCursor) {}

    /** What a search looks for: an SQL condition on the client row, and its parameters. */
    private record Match(String condition, Map<String, String> parameters) {}

    private final EntityManager entityManager;

    ClientDirectory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The clinic's client with this id; empty for another clinic's, an unknown or an erased one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Entry> find(UUID clinicId, UUID clientId) {
        return entries(entityManager
                        .createNativeQuery(COLUMNS + HELD + " AND id = :id")
                        .setParameter("clinic", clinicId)
                        .setParameter("id", clientId))
                .stream()
                .findFirst();
    }

    /**
     * A page of the clinic's clients. An empty {@code q} lists the most recently updated first. Digits alone (3 to
     * 15, spaces and dashes allowed) match the end of the number; a whole number, as the clinic's region writes it,
     * matches it exactly; anything else matches the start of the first or last name, whatever the case, or the whole
     * of the clinic's id for the client. Matches come by last name, then first name.
     *
     * @param cursor the {@code nextCursor} of the page before, or null for the first page
     * @throws ProblemException 400 naming {@code q} (too long, control characters) or {@code cursor} (not one this
     *     search gave, or its client is gone)
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page search(UUID clinicId, String q, String cursor) {
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY) {
            throw ProblemException.invalid("q", "must be at most " + MAX_QUERY + " characters");
        }
        TextFields.problem(query).ifPresent(problem -> {
            throw ProblemException.invalid("q", problem);
        });
        Optional<ClientCursor> after = cursor == null || cursor.isEmpty()
                ? Optional.empty()
                : Optional.of(ClientCursor.decode(cursor).orElseThrow(ClientDirectory::notACursor));
        return query.isEmpty() ? recent(clinicId, after) : matching(clinicId, match(clinicId, query), after);
    }

    private Page recent(UUID clinicId, Optional<ClientCursor> after) {
        if (after.isPresent() && after.get().isByName()) {
            throw notACursor();
        }
        String sql = COLUMNS + HELD
                + (after.isPresent() ? " AND (updated_at, id) < (:at, :after)" : "")
                + " ORDER BY updated_at DESC, id DESC LIMIT :limit";
        Query query = entityManager.createNativeQuery(sql).setParameter("clinic", clinicId);
        after.ifPresent(cursor -> query.setParameter("at", cursor.updatedAt()).setParameter("after", cursor.id()));
        return page(entries(query.setParameter("limit", PAGE_SIZE + 1)), false);
    }

    private Page matching(UUID clinicId, Match match, Optional<ClientCursor> after) {
        if (after.isPresent() && !after.get().isByName()) {
            throw notACursor();
        }
        Optional<Object[]> anchor = after.map(cursor -> nameKey(clinicId, cursor.id()));
        String sql = COLUMNS + HELD + " AND " + match.condition()
                + (anchor.isPresent() ? " AND (" + NAME_ORDER + ") > (:lastName, :firstName, :after)" : "")
                + " ORDER BY " + NAME_ORDER + " LIMIT :limit";
        Query query = entityManager.createNativeQuery(sql).setParameter("clinic", clinicId);
        match.parameters().forEach(query::setParameter);
        anchor.ifPresent(key -> query.setParameter("lastName", key[0])
                .setParameter("firstName", key[1])
                .setParameter("after", after.get().id()));
        return page(entries(query.setParameter("limit", PAGE_SIZE + 1)), true);
    }

    /** Where the last client of the page before sorts now; gone (erased, or not this clinic's): no such page. */
    private Object[] nameKey(UUID clinicId, UUID clientId) {
        List<?> rows = entityManager
                .createNativeQuery(
                        "SELECT lower(coalesce(last_name, '')), lower(first_name) FROM client" + HELD + " AND id = :id")
                .setParameter("clinic", clinicId)
                .setParameter("id", clientId)
                .getResultList();
        if (rows.isEmpty()) {
            throw notACursor();
        }
        return (Object[]) rows.get(0);
    }

    private static Match match(UUID clinicId, String query) {
        if (WRITTEN_DIGITS.matcher(query).matches()) {
            String digits = NOT_A_DIGIT.matcher(query).replaceAll("");
            if (digits.length() >= 3 && digits.length() <= 15) {
                // Reversed, the end of the number is the start of the text: a prefix that the index serves.
                String reversed = reverse(digits);
                return new Match(
                        startsWith("reverse(phone)", ":prefix", ":pattern"),
                        Map.of("prefix", reversed, "pattern", reversed + "%"));
            }
        }
        Clinic clinic = Clinic.findById(clinicId);
        PhoneNumbers.Parsed number = PhoneNumbers.any(query, clinic == null ? null : clinic.defaultRegion);
        if (number.valid()) {
            return new Match("phone = :phone", Map.of("phone", number.e164()));
        }
        return new Match(
                "(" + startsWith("lower(first_name)", "lower(:prefix)", "lower(:pattern)")
                        + " OR " + startsWith("lower(last_name)", "lower(:prefix)", "lower(:pattern)")
                        + " OR external_id = :externalId)",
                Map.of("prefix", query, "pattern", escapeLike(query) + "%", "externalId", query));
    }

    /**
     * Whether {@code column} starts with the text {@code prefix}, {@code pattern} being that text escaped for LIKE
     * and followed by {@code %}. LIKE alone uses the column's text_pattern_ops index only when the statement is
     * planned with its values: pgJDBC prepares a statement on the server after 5 runs, and PostgreSQL may then plan
     * it once for any values (a generic plan), reading every client of the clinic. The range, from the prefix to the
     * prefix followed by the last code point, keeps the index in either plan; LIKE keeps the match exact.
     */
    private static String startsWith(String column, String prefix, String pattern) {
        return "(" + column + " ~>=~ " + prefix + " AND " + column + " ~<~ (" + prefix + " || chr(1114111))" + " AND "
                + column + " LIKE " + pattern + ")";
    }

    /** The text matched literally by LIKE: its wildcards and escape character escaped. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String reverse(String text) {
        return new StringBuilder(text).reverse().toString();
    }

    private static Page page(List<Entry> rows, boolean byName) {
        if (rows.size() <= PAGE_SIZE) {
            return new Page(rows, null);
        }
        Entry last = rows.get(PAGE_SIZE - 1);
        ClientCursor next = byName ? ClientCursor.byName(last.id()) : new ClientCursor(last.updatedAt(), last.id());
        return new Page(rows.subList(0, PAGE_SIZE), next.encode());
    }

    // No result class: Hibernate caches a native query's plan under a key holding its result mapping (see OptOuts).
    private static List<Entry> entries(Query query) {
        return ((List<?>) query.getResultList())
                .stream()
                        .map(Object[].class::cast)
                        .map(row -> new Entry(
                                (UUID) row[0],
                                (String) row[1],
                                (String) row[2],
                                (String) row[3],
                                (String) row[4],
                                (String) row[5],
                                (String) row[6],
                                SqlValues.instant(row[7])))
                        .toList();
    }

    private static ProblemException notACursor() {
        return ProblemException.invalid("cursor", "is not a cursor this list gave, or its page no longer exists");
    }
}
