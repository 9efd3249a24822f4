package io.aftercare.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A link that lets a new user set their password once; only the token's SHA-256 is kept. */
@Entity
@Table(name = "staff_invitation")
class StaffInvitation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "staff_id")
    public UUID staffId;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    static Optional<StaffInvitation> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    /** The unused invitations of these users (at most one each: a new one voids the old). */
    static List<StaffInvitation> unusedOf(Collection<UUID> staffIds) {
        return staffIds.isEmpty() ? List.of() : list("staffId in ?1 and usedAt is null", staffIds);
    }

    /** Voids the user's unused invitations: their links answer as unknown ones do. */
    static void voidUnused(UUID staffId) {
        delete("staffId = ?1 and usedAt is null", staffId);
    }
}
