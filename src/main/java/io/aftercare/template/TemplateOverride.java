package io.aftercare.template;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A clinic's own wording of one plan step in one language. */
@Entity
@Table(name = "template_override")
class TemplateOverride extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id")
    public UUID clinicId;

    public String step;

    public String language;

    public String template;

    @Column(name = "updated_at")
    public Instant updatedAt;

    static Optional<TemplateOverride> find(UUID clinicId, String step, String language) {
        return find("clinicId = ?1 and step = ?2 and language = ?3", clinicId, step, language)
                .firstResultOptional();
    }

    static List<TemplateOverride> forClinic(UUID clinicId) {
        return list("clinicId = ?1 order by step, language", clinicId);
    }
}
