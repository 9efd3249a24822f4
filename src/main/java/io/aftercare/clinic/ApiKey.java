package io.aftercare.clinic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A clinic's API key, stored as a digest; the key itself is shown once, when it is issued. */
@Entity
@Table(name = "api_key")
class ApiKey extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id")
    public UUID clinicId;

    /** The first characters of the key, so an operator can tell keys apart without seeing them. */
    public String prefix;

    public String sha256;

    /** What the key is for, in the clinic's or operator's words; optional. */
    public String label;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When the key last authenticated a request, to the minute (see {@link ApiKeys#authenticate}). */
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    static Optional<ApiKey> findActiveByDigest(String sha256) {
        return find("sha256 = ?1 and revokedAt is null", sha256).firstResultOptional();
    }

    static List<ApiKey> listForClinic(UUID clinicId) {
        return list("clinicId = ?1 order by createdAt", clinicId);
    }

    static long countActive(UUID clinicId) {
        return count("clinicId = ?1 and revokedAt is null", clinicId);
    }
}
