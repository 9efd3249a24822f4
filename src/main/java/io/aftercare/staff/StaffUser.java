package io.aftercare.staff;

import io.aftercare.db.TimeOrderedIds;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
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

    static StaffUser create(UUID clinicId, String email, String displayName, StaffRole role, Instant now) {
        StaffUser user = new StaffUser();
        user.id = TimeOrderedIds.next();
        user.clinicId = clinicId;
        user.email = email;
        user.displayName = displayName;
        user.role = role;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    static Optional<StaffUser> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    /** The account of an address, its row locked (and read afresh) for the rest of the transaction. */
    static Optional<StaffUser> lockByEmail(String email) {
        return find("lower(email) = lower(?1)", email)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /**
     * Every account of the clinic, locked in id order: a change that must see the clinic's other managers (the last one
     * stays) is made one at a time, and two such changes cannot deadlock.
     */
    static List<StaffUser> lockClinic(UUID clinicId) {
        return find("clinicId = ?1 order by id", clinicId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    boolean hasPassword() {
        return passwordHash != null;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Voids every session of the user on every node: their cookies name a generation that no longer holds. */
    void endSessions(Instant now) {
        sessionGeneration++;
        updatedAt = now;
    }
}
