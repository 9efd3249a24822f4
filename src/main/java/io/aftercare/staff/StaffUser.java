package io.aftercare.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A person who signs in to the dashboard; the password is a bcrypt hash, set when the invitation is accepted. */
@Entity
@Table(name = "staff_user")
class StaffUser extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Null for {@link StaffRole#OPERATOR} users, who belong to no clinic. */
    @Column(name = "clinic_id")
    public UUID clinicId;

    public String email;

    @Column(name = "display_name")
    public String displayName;

    @Enumerated(EnumType.STRING)
    public StaffRole role;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "failed_logins")
    public int failedLogins;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    /** Counted up at sign-out; a session cookie names the generation it was issued in. */
    @Column(name = "session_generation")
    public int sessionGeneration;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    static Optional<StaffUser> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }
}
