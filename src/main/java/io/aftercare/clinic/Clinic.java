package io.aftercare.clinic;

import io.aftercare.db.TimeOrderedIds;
import io.aftercare.plan.QuietHours;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** Client-local start of the hours when no text goes out; null when the clinic turned quiet hours off. */
    @Column(name = "quiet_hours_start")
    public LocalTime quietHoursStart;

    @Column(name = "quiet_hours_end")
    public LocalTime quietHoursEnd;

    /** Keys of the plan's optional steps this clinic switched on. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "optional_steps")
    public List<String> optionalSteps = new ArrayList<>();

    /** Days after a client's last session before the retention purge erases them; null: the operator's default. */
    @Column(name = "retention_days")
    public Integer retentionDays;

    /** Texts are written in the GSM alphabet as far as it goes (Zoë → Zoe): one letter must not multiply their cost. */
    @Column(name = "sms_transliteration")
    public boolean smsTransliteration = true;

    public Optional<QuietHours> quietHours() {
        return quietHoursStart == null ? Optional.empty() : Optional.of(new QuietHours(quietHoursStart, quietHoursEnd));
    }

    public static Clinic create(String name, String phone, String timeZone, String locale, String region) {
        Clinic clinic = new Clinic();
        clinic.id = TimeOrderedIds.next();
        clinic.name = name;
        clinic.phone = phone;
        clinic.defaultTimeZone = timeZone;
        clinic.defaultLocale = locale;
        clinic.defaultRegion = region;
        clinic.createdAt = Instant.now();
        clinic.quietHoursStart = QuietHours.DEFAULT.start();
        clinic.quietHoursEnd = QuietHours.DEFAULT.end();
        clinic.persist();
        return clinic;
    }
}
