package io.aftercare.clinic;

import io.aftercare.audit.AuditAction;
import io.aftercare.audit.AuditLog;
import io.aftercare.phone.PhoneNumbers;
import io.aftercare.plan.TimeZones;
import io.aftercare.problem.FieldViolation;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.TextFields;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Creates and describes clinics. */
@ApplicationScoped
public class ClinicService {

    /** The largest page a list of clinics gives. */
    public static final int MAX_PAGE = 200;

    private final ApiKeys apiKeys;
    private final AuditLog audit;

    ClinicService(ApiKeys apiKeys, AuditLog audit) {
        this.apiKeys = apiKeys;
        this.audit = audit;
    }

    /** Creates a clinic with a first API key, generated unless {@code apiKey} is given. */
    @Transactional
    public NewClinic create(ClinicRequest request, Optional<String> apiKey) {
        List<FieldViolation> errors = new ArrayList<>();
        plainText("name", request.name(), errors);
        plainText("phone", request.phone(), errors);
        plainText("timeZone", request.timeZone(), errors);
        plainText("locale", request.locale(), errors);
        plainText("region", request.region(), errors);
        if (request.name() == null || request.name().isBlank() || request.name().length() > 80) {
            errors.add(new FieldViolation("name", "must be 1 to 80 characters"));
        }
        String region = request.region() == null ? null : request.region().toUpperCase(Locale.ROOT);
        if (!PhoneNumbers.isKnownRegion(region)) {
            errors.add(new FieldViolation("region", "must be an ISO 3166 region code such as CA"));
        }
        if (!TimeZones.isIana(request.timeZone())) {
            errors.add(new FieldViolation("timeZone", "is not an IANA time zone such as America/Vancouver"));
        }
        if (request.locale() == null || request.locale().isBlank()) {
            errors.add(new FieldViolation("locale", "must be a language such as en"));
        }
        String phone = null;
        if (request.phone() != null && !request.phone().isBlank() && region != null) {
            PhoneNumbers.Parsed parsed = PhoneNumbers.any(request.phone(), region);
            phone = parsed.e164();
            if (!parsed.valid()) {
                errors.add(new FieldViolation("phone", parsed.problem()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Clinic clinic = Clinic.create(request.name().strip(), phone, request.timeZone(), request.locale(), region);
        audit.record(AuditAction.CLINIC_CREATED, clinic.id, "clinic:" + clinic.id, Map.of("name", clinic.name));
        IssuedKey key = apiKeys.register(clinic.id, apiKey.orElseGet(ApiKeys::newKey));
        return new NewClinic(ClinicView.of(clinic), key);
    }

    private static void plainText(String field, String value, List<FieldViolation> errors) {
        TextFields.problem(value).ifPresent(reason -> errors.add(new FieldViolation(field, reason)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ClinicView> find(UUID id) {
        return Clinic.<Clinic>findByIdOptional(id).map(ClinicView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClinicView> list() {
        return Clinic.<Clinic>list("order by createdAt, id").stream()
                .map(ClinicView::of)
                .toList();
    }

    /**
     * Clinics in the order they were onboarded, a page at a time.
     *
     * @param cursor the {@code nextCursor} of the page before, or null for the first
     * @throws ProblemException 400 naming {@code cursor} or {@code limit}
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ClinicPage page(String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        PanacheQuery<Clinic> query;
        if (cursor == null) {
            query = Clinic.find("order by createdAt, id");
        } else {
            ClinicCursor after = ClinicCursor.decode(cursor)
                    .orElseThrow(() -> ProblemException.invalid("cursor", "is not a cursor this list gave"));
            query = Clinic.find(
                    "createdAt > ?1 or (createdAt = ?1 and id > ?2) order by createdAt, id",
                    after.createdAt(),
                    after.id());
        }
        // One more than the page: whether there is a next page is known without counting.
        List<Clinic> rows = query.range(0, limit).list();
        boolean more = rows.size() > limit;
        List<Clinic> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? ClinicCursor.after(shown.get(limit - 1)).encode() : null;
        return new ClinicPage(shown.stream().map(ClinicView::of).toList(), next);
    }

    public record ClinicPage(List<ClinicView> clinics, String nextCursor) {}

    public record ClinicRequest(String name, String phone, String timeZone, String locale, String region) {}

    public record ClinicView(UUID id, String name, String phone, String timeZone, String locale, String region) {
        static ClinicView of(Clinic clinic) {
            return new ClinicView(
                    clinic.id,
                    clinic.name,
                    clinic.phone,
                    clinic.defaultTimeZone,
                    clinic.defaultLocale,
                    clinic.defaultRegion);
        }
    }

    public record NewClinic(ClinicView clinic, IssuedKey apiKey) {}
}
