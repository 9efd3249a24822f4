package io.aftercare.client;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A clinic's client, as last described by the clinic's system. */
@Entity
@Table(name = "client")
public class Client extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id")
    public UUID clinicId;

    /** The clinic's own id for the client. */
    @Column(name = "external_id")
    public String externalId;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    /** E.164. */
    public String phone;

    @Column(name = "time_zone")
    public String timeZone;

    public String locale;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When the client's name, number and texts were erased; null while they are held. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    public static Optional<Client> findByExternalId(UUID clinicId, String externalId) {
        return find("clinicId = ?1 and externalId = ?2 and erasedAt is null", clinicId, externalId)
                .firstResultOptional();
    }
}
