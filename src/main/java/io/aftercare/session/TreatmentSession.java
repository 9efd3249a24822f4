package io.aftercare.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A completed treatment session posted by a clinic. */
@Entity
@Table(name = "treatment_session")
class TreatmentSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id")
    public UUID clinicId;

    @Column(name = "client_id")
    public UUID clientId;

    /** The clinic's own id for the session; a clinic posts each id once. */
    @Column(name = "external_id")
    public String externalId;

    @Enumerated(EnumType.STRING)
    public SessionKind kind;

    @Column(name = "session_number")
    public int sessionNumber;

    @Column(name = "final_session")
    public boolean finalSession;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "plan_version")
    public String planVersion;

    public String fingerprint;

    /** Warnings given when the session was posted, one per line. */
    public String warnings;

    @Enumerated(EnumType.STRING)
    public SessionStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** When the clinic booked the client's next session, if it said. */
    @Column(name = "next_session_at")
    public Instant nextSessionAt;

    /** SHA-256 of the token of the client's aftercare page; null when the session has no page (or it was erased). */
    @Column(name = "page_token_hash")
    public byte[] pageTokenHash;

    public List<String> warningList() {
        return warnings == null || warnings.isEmpty() ? List.of() : Arrays.asList(warnings.split("\n"));
    }

    static Optional<TreatmentSession> findForClinic(UUID clinicId, UUID id) {
        return find("clinicId = ?1 and id = ?2", clinicId, id).firstResultOptional();
    }
}
