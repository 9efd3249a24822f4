package io.aftercare.optout;

import io.aftercare.db.SqlValues;
import io.aftercare.observability.TextMetrics;
import io.aftercare.phone.PhoneMask;
import io.aftercare.reminder.HeldTexts;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who asked not to be texted. An opted-out number's pending texts are held, never sent; after it opts back in, the
 * held texts that still make sense are scheduled again and the rest skipped.
 */
// Over 150 lines: opt-out, opt-in and the erasure markers all write the one opt_out table, which this class owns.
@ApplicationScoped
public class OptOuts {

    private final EntityManager entityManager;
    private final Clock clock;
    private final NumberMarkers markers;
    private final HeldTexts heldTexts;
    private final Event<OptOutChanged> changed;
    private final TextMetrics textMetrics;

    OptOuts(
            EntityManager entityManager,
            Clock clock,
            NumberMarkers markers,
            HeldTexts heldTexts,
            Event<OptOutChanged> changed,
            TextMetrics textMetrics) {
        this.entityManager = entityManager;
        this.textMetrics = textMetrics;
        this.clock = clock;
        this.markers = markers;
        this.heldTexts = heldTexts;
        this.changed = changed;
    }

    /**
     * Opts {@code phone} out of one clinic's texts, or of every clinic it is a client of. Each clinic it was not opted
     * out of already is told ({@link OptOutChanged}), in the same transaction.
     *
     * @return how many pending texts were held
     */
    @Transactional
    public int optOut(String phone, Optional<UUID> clinicId, String source) {
        Instant now = clock.instant();
        List<UUID> clinics = clinicId.map(List::of).orElseGet(() -> clinicsOf(phone));
        if (clinics.isEmpty()) {
            return 0;
        }
        List<UUID> optedOut = new ArrayList<>();
        for (UUID clinic : clinics) {
            int created = entityManager
                    .createNativeQuery("INSERT INTO opt_out (clinic_id, phone, opted_out_at, source)"
                            + " VALUES (:clinic, :phone, :now, :source) ON CONFLICT (clinic_id, phone) DO NOTHING")
                    .setParameter("clinic", clinic)
                    .setParameter("phone", phone)
                    .setParameter("now", now)
                    .setParameter("source", source)
                    .executeUpdate();
            if (created == 1) {
                optedOut.add(clinic);
            }
        }
        announce(phone, optedOut, true, source, now);
        int held = heldTexts.hold(phone, clinics, now);
        textMetrics.held(held);
        Log.infof("%s opted out (%s); %d pending texts held", PhoneMask.mask(phone), source, held);
        return held;
    }

    /**
     * Opts {@code phone} back in with every clinic. Held texts due later are scheduled again; of those whose time has
     * passed, only the one whose advice still applies (the next text of its session is not due yet) goes out, the
     * others are skipped. Each clinic it was opted out of is told ({@link OptOutChanged}), in the same transaction;
     * one that kept only the marker of an erased client's opt-out is told with no client, having none with the number.
     *
     * @return how many held texts were scheduled again or skipped
     */
    @Transactional
    public int optIn(String phone, String source) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> optedIn = ((List<Object>) entityManager
                        .createNativeQuery("WITH deleted AS (DELETE FROM opt_out WHERE phone IN (:phones)"
                                + " RETURNING clinic_id) SELECT DISTINCT clinic_id FROM deleted")
                        .setParameter("phones", numberAndMarkers(phone))
                        .getResultList())
                .stream().map(UUID.class::cast).toList();
        announce(phone, optedIn, false, source, now);
        HeldTexts.Released released = heldTexts.release(phone, now);
        textMetrics.skipped(released.skipped());
        int reviewed = released.scheduled() + released.skipped();
        Log.infof("%s opted back in; %d held texts scheduled again or skipped", PhoneMask.mask(phone), reviewed);
        return reviewed;
    }

    /** One event per clinic, naming the clinic's clients with the number: one query, and none when nothing changed. */
    private void announce(String phone, List<UUID> clinics, boolean optedOut, String source, Instant at) {
        if (clinics.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT clinic_id, id, external_id FROM client"
                        + " WHERE phone = :phone AND clinic_id IN (:clinics) ORDER BY external_id")
                .setParameter("phone", phone)
                .setParameter("clinics", clinics)
                .getResultList();
        for (UUID clinic : clinics) {
            List<OptOutChanged.ClientRef> clients = rows.stream()
                    .filter(row -> clinic.equals(row[0]))
                    .map(row -> new OptOutChanged.ClientRef((UUID) row[1], (String) row[2]))
                    .toList();
            changed.fire(new OptOutChanged(clinic, clients, optedOut, source, at));
        }
    }

    @SuppressWarnings("unchecked")
    private List<UUID> clinicsOf(String phone) {
        return ((List<Object>) entityManager
                        .createNativeQuery("SELECT DISTINCT clinic_id FROM client WHERE phone = :phone")
                        .setParameter("phone", phone)
                        .getResultList())
                .stream().map(UUID.class::cast).toList();
    }

    // No result class: Hibernate 7 caches a native query's plan under a key holding its result mapping, and a class
    // mapping is a new key on every call; under load the cache's lock then holds up every request posting a session.
    // An erased client's STOP is kept as a marker of the number (keepOnlyMarker): a later post of the number is held.
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> optedOutSince(UUID clinicId, String phone) {
        return entityManager
                .createNativeQuery("SELECT opted_out_at FROM opt_out WHERE clinic_id = :clinic"
                        + " AND phone IN (:phones) ORDER BY opted_out_at LIMIT 1")
                .setParameter("clinic", clinicId)
                .setParameter("phones", numberAndMarkers(phone))
                .getResultStream()
                .findFirst()
                .map(SqlValues::instant);
    }

    /**
     * Erasure of a client: the clinic's opt-out of their number stays, since a STOP is an instruction the clinic must
     * keep honouring, but as a marker ({@link NumberMarkers}) instead of the number. It is left as it is while another
     * client of the clinic still has the number: the number is held for them anyway, and their texts must stay held.
     * Call after the client's own row has lost the number.
     *
     * @return how many opt-outs now keep a marker instead of the number (0 or 1)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int keepOnlyMarker(UUID clinicId, String phone) {
        Number replaced = (Number) entityManager
                .createNativeQuery("""
                WITH replaced AS (
                    DELETE FROM opt_out o
                     WHERE o.clinic_id = :clinic AND o.phone = :phone
                       AND NOT EXISTS (SELECT 1 FROM client c WHERE c.clinic_id = :clinic AND c.phone = :phone)
                    RETURNING o.opted_out_at, o.source),
                marked AS (
                    -- The same number may have been erased at this clinic before: its marker is there already.
                    INSERT INTO opt_out (clinic_id, phone, opted_out_at, source)
                    SELECT :clinic, :marker, opted_out_at, source FROM replaced
                    ON CONFLICT (clinic_id, phone) DO NOTHING)
                SELECT count(*) FROM replaced
                """)
                .setParameter("clinic", clinicId)
                .setParameter("phone", phone)
                .setParameter("marker", markers.markerOf(phone))
                .getSingleResult();
        return replaced.intValue();
    }

    /**
     * Opt-outs of numbers no client of their clinic holds any more keep only a marker too: a STOP recorded while the
     * client was being erased (it saw the client before the erasure committed), or the old number of a client whose
     * number changed. Either is honoured as before.
     *
     * @return how many opt-outs now keep a marker instead of the number
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int keepOnlyMarkersOfOrphans(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> orphans = entityManager
                .createNativeQuery("""
                SELECT o.clinic_id, o.phone FROM opt_out o
                 WHERE o.phone NOT LIKE :markerPrefix
                   AND NOT EXISTS (SELECT 1 FROM client c WHERE c.clinic_id = o.clinic_id AND c.phone = o.phone)
                 LIMIT :limit
                   FOR UPDATE SKIP LOCKED
                """)
                .setParameter("markerPrefix", NumberMarkers.PREFIX + "%")
                .setParameter("limit", limit)
                .getResultList();
        return orphans.stream()
                .mapToInt(orphan -> keepOnlyMarker((UUID) orphan[0], (String) orphan[1]))
                .sum();
    }

    private List<String> numberAndMarkers(String phone) {
        List<String> phones = new ArrayList<>();
        phones.add(phone);
        phones.addAll(markers.markersOf(phone));
        return phones;
    }
}
