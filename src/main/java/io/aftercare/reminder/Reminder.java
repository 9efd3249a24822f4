package io.aftercare.reminder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One text of one session's plan, from scheduling to its final outcome. */
@Entity
@Table(name = "reminder")
public class Reminder extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id")
    public UUID clinicId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "client_id")
    public UUID clientId;

    /** The plan step's key. */
    public String step;

    /** The plan version the text was rendered from; a later plan never rewrites it. */
    @Column(name = "plan_version")
    public String planVersion;

    public String body;

    @Column(name = "due_at")
    public Instant dueAt;

    /** When its advice stops applying: not sent by then, it expires. Null: never. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Enumerated(EnumType.STRING)
    public ReminderStatus status;

    public int attempts;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claim_expires_at")
    public Instant claimExpiresAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "provider_id")
    public String providerId;

    public String error;

    /** The provider's last word on the text (Twilio: queued, sent, delivered, undelivered, failed). */
    @Column(name = "provider_status")
    public String providerStatus;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
