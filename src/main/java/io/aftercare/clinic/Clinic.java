package io.aftercare.clinic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A clinic using the service: the owner of every client, session and text. */
@Entity
@Table(name = "clinic")
public class Clinic extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    /** The clinic's contact number in E.164, quoted in texts; optional. */
    public String phone;

    @Column(name = "default_time_zone")
    public String defaultTimeZone;

    @Column(name = "default_locale")
    public String defaultLocale;

    /** ISO 3166 region used to read client numbers written without a country code. */
    @Column(name = "default_region")
    public String defaultRegion;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Clinic create(String name, String phone, String timeZone, String locale, String region) {
        Clinic clinic = new Clinic();
        clinic.id = UUID.randomUUID();
        clinic.name = name;
        clinic.phone = phone;
        clinic.defaultTimeZone = timeZone;
        clinic.defaultLocale = locale;
        clinic.defaultRegion = region;
        clinic.createdAt = Instant.now();
        clinic.persist();
        return clinic;
    }
}
