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

/** One text to a client, from scheduling to its final outcome: a step of a session's plan, or a one-off text. */
@Entity
@Table(name = "reminder")
public class Reminder extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id")
    public UUID clinicId;

    /** Null for a text that belongs to a client, not a session ({@link TextKind#MANUAL}, {@link TextKind#URGENT_ANSWER}). */
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "client_id")
    public UUID clientId;

    /** The plan step's key. */
    public String step;

    @Enumerated(EnumType.STRING)
    public TextKind kind = TextKind.PLAN;

    /** False for a text that answers a client who just wrote: the clinic's quiet hours do not hold it back. */
    @Column(name = "quiet_hours_apply")
    public boolean quietHoursApply = true;

    /** The client's reply this text answers, if any. */
    @Column(name = "in_reply_to")
    public UUID inReplyTo;

    /** The plan version the text was rendered from (null for a clinic's own text); a later plan never rewrites it. */
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
