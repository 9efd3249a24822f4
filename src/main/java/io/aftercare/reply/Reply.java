package io.aftercare.reply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A client's text to the service, as attributed to one clinic (or to none). */
@Entity
@Table(name = "reply")
class Reply extends PanacheEntityBase {

    enum Status {
        OPEN,
        RESOLVED
    }

    @Id
    public UUID id;

    /** Twilio's id of the message: a webhook Twilio retries carries the same one. */
    @Column(name = "message_sid")
    public String messageSid;

    /** Null when no clinic could be named for it: then no clinic ever sees it. */
    @Column(name = "clinic_id")
    public UUID clinicId;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "session_id")
    public UUID sessionId;

    /** The client's number in E.164 (as Twilio sent it when it is not a valid number); never to be logged. */
    @Column(name = "from_phone")
    public String fromPhone;

    @Column(name = "to_phone")
    public String toPhone;

    public String body;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    public ReplyCategory category;

    /** The keyword's name (OPT_OUT, OPT_IN, HELP) of a KEYWORD reply. */
    public String keyword;

    /** 0 for an urgent reply, 1 otherwise: the list's first order. Computed by the database. */
    @Column(name = "list_rank", insertable = false, updatable = false)
    public Short listRank;

    @Enumerated(EnumType.STRING)
    public Status status = Status.OPEN;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Column(name = "erased_at")
    public Instant erasedAt;
}
